import { describe, expect, it } from "vitest";
import { auditFrequencyRule, auditObligation } from "./obligation";

describe("the audit frequency rule (PIPL Art. 54; audit measures, 2025-05-01)", () => {
  it("binds only above 10 million individuals: exactly 10 million is not more than", () => {
    expect(auditFrequencyRule.moreThanIndividuals).toBe(10_000_000);
    expect(auditObligation(10_000_000, null, "2026-06-15").required).toBe(false);
    expect(auditObligation(10_000_001, null, "2026-06-15")).toMatchObject({
      required: true,
      nextDueOn: "2026-06-15",
    });
  });

  it("falls due two years after the last completed audit", () => {
    expect(auditObligation(12_000_000, "2025-03-31", "2026-06-15").nextDueOn).toBe("2027-03-31");
  });
});
