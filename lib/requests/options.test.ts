import { describe, expect, it } from "vitest";
import { identityMethods, requestChannels, requestTypes } from "@/db/schema/requests";
import { identityMethodOptions, requestTypeOptions, staffChannels } from "./options";

describe("form options", () => {
  it("offer exactly the schema's types and identity methods, and only known channels", () => {
    expect([...requestTypeOptions]).toEqual([...requestTypes]);
    expect([...identityMethodOptions]).toEqual([...identityMethods]);
    for (const channel of staffChannels) expect(requestChannels).toContain(channel);
  });
});
