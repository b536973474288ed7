import { describe, expect, it } from "vitest";
import type { CustomerLaw } from "@/db/schema/customers";
import { purposeApplied, type RecipientPurpose } from "./recipients";

const consent = { PIPL: "consent", GDPR: "consent", CCPA: "consent" } as const;
const purpose = (p: Partial<RecipientPurpose>): RecipientPurpose => ({
  bases: consent,
  consentKind: "standard",
  everGranted: false,
  ...p,
});
const laws: CustomerLaw[][] = [["PIPL"], ["GDPR"], ["CCPA"], ["PIPL", "GDPR"]];

describe("a purpose applied to a customer (its recipients may hold their data)", () => {
  it.each([
    [
      "a consent purpose they granted once",
      purpose({ everGranted: true }),
      [true, true, true, true],
    ],
    ["a consent purpose never granted", purpose({}), [false, false, false, false]],
    [
      "an opt-out purpose: only where opt-out is lawful (CCPA)",
      purpose({ bases: { ...consent, CCPA: "opt_out" } }),
      [false, false, true, false],
    ],
    [
      "legitimate interest: only under GDPR, never where PIPL applies too",
      purpose({ bases: { PIPL: "consent", GDPR: "legitimate_interest", CCPA: "notice" } }),
      [false, true, true, false],
    ],
    [
      "a purpose with no basis under one of their laws",
      purpose({ bases: { GDPR: "contract" } }),
      [false, true, false, false],
    ],
    [
      "a contract purpose",
      purpose({ bases: { PIPL: "contract", GDPR: "contract", CCPA: "notice" } }),
      [true, true, true, true],
    ],
  ] as const)("%s", (_name, p, expected) => {
    expect(laws.map((l) => purposeApplied(p, l))).toEqual(expected);
  });
});
