import { describe, expect, it } from "vitest";
import { lawForRequest } from "./law";

describe("the law a request runs on", () => {
  it("is the customer's own law first", () => expect(lawForRequest({ laws: ["GDPR"], region: "CN-BJ" }, ["PIPL"])).toBe("GDPR"));
  it.each([
    ["CN-SH", "PIPL"], ["DE", "GDPR"], ["fr", "GDPR"], ["US-CA", "CCPA"],
  ])("follows region %s → %s", (region, law) => expect(lawForRequest({ laws: [], region }, ["PIPL"])).toBe(law));
  it("falls back to the organisation's default", () => {
    expect(lawForRequest({ laws: [], region: "US-NY" }, ["GDPR", "PIPL"])).toBe("GDPR");
    expect(lawForRequest(null, ["CCPA"])).toBe("CCPA");
  });
});
