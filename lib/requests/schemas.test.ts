import { describe, expect, it } from "vitest";
import { addDays, todayIso } from "@/lib/core/dates";
import { intakeSchema, verifySchema } from "./schemas";

const customerId = "0b7e6a52-3c1d-4f6e-9a2b-1c2d3e4f5a6b";
const base = { customerId, type: "access", channel: "phone", receivedOn: "2026-02-12", identityMethod: "none", locale: "zh-CN" };
const paths = (input: unknown) => {
  const result = intakeSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
};

describe("staff intake", () => {
  it("accepts a request not yet verified, and one verified with its method and day", () => {
    const unverified = intakeSchema.parse(base);
    expect(unverified.identityMethod).toBeUndefined();
    expect(unverified.verifiedOn).toBeUndefined();
    expect(intakeSchema.parse({ ...base, identityMethod: "phone_callback", verifiedOn: "2026-02-12" })).toMatchObject({ identityMethod: "phone_callback", verifiedOn: "2026-02-12" });
  });

  it("refuses a received date in the future, a verification without its day or method, or before receipt", () => {
    expect(paths({ ...base, receivedOn: addDays(todayIso(), 1) })).toEqual(["receivedOn"]);
    expect(paths({ ...base, identityMethod: "phone_callback" })).toEqual(["verifiedOn"]);
    expect(paths({ ...base, verifiedOn: "2026-02-12" })).toEqual(["identityMethod"]);
    expect(paths({ ...base, identityMethod: "id_document", verifiedOn: "2026-02-11" })).toEqual(["verifiedOn"]);
    expect(paths({ ...base, channel: "portal" })).toEqual(["channel"]);
    expect(paths({ ...base, customerId: "" })).toEqual(["customerId"]);
  });

  it("refuses a verification dated in the future", () => {
    expect(verifySchema.safeParse({ id: customerId, method: "email_reply", verifiedOn: addDays(todayIso(), 1) }).success).toBe(false);
    expect(verifySchema.safeParse({ id: customerId, method: "email_reply", verifiedOn: "" }).success).toBe(true);
  });
});
