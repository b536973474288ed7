import { describe, expect, it } from "vitest";
import { applicableLaws, lawOfRegion } from "./applicable-laws";

describe("the laws that apply to a customer", () => {
  it("are the customer's own laws first, all of them, once each", () => {
    expect(applicableLaws({ laws: ["PIPL", "CCPA", "PIPL"], region: "DE" }, ["GDPR"])).toEqual({
      laws: ["PIPL", "CCPA"],
      basis: "customer",
    });
  });
  it("ignore laws we do not hold", () => {
    expect(applicableLaws({ laws: ["LGPD"], region: "CN-BJ" }, ["GDPR"])).toEqual({
      laws: ["PIPL"],
      basis: "region",
    });
  });
  it.each([
    ["CN-SH", "PIPL"],
    ["CN", "PIPL"],
    ["DE", "GDPR"],
    ["fr", "GDPR"],
    ["NO", "GDPR"],
    ["US-CA", "CCPA"],
    [" us-ca ", "CCPA"],
  ])("follow region %s → %s", (region, law) =>
    expect(applicableLaws({ laws: [], region }, ["PIPL"])).toEqual({
      laws: [law],
      basis: "region",
    }),
  );
  it("give a region outside every law all of the organisation's jurisdictions, and say so", () => {
    expect(applicableLaws({ laws: [], region: "GB" }, ["GDPR", "PIPL"])).toEqual({
      laws: ["GDPR", "PIPL"],
      basis: "region_outside",
    });
    expect(applicableLaws({ laws: [], region: "US-NY" }, ["CCPA"])).toEqual({
      laws: ["CCPA"],
      basis: "region_outside",
    });
  });
  it("give a customer with no region, or no customer, the organisation's jurisdictions", () => {
    expect(applicableLaws({ laws: [], region: null }, ["CCPA", "PIPL"])).toEqual({
      laws: ["CCPA", "PIPL"],
      basis: "organisation",
    });
    expect(applicableLaws(null, ["GDPR"])).toEqual({ laws: ["GDPR"], basis: "organisation" });
  });
  it("treat Hong Kong, Macao and Taiwan as outside PIPL", () => {
    for (const region of ["CN-HK", "CN-MO", "CN-TW", "HK"])
      expect(lawOfRegion(region)).toBeUndefined();
    expect(lawOfRegion("CN-GD")).toBe("PIPL");
  });
});
