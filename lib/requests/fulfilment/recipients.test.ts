import { describe, expect, it } from "vitest";
import type { CustomerLaw } from "@/db/schema/customers";
import { purposeApplied, type RecipientPurpose } from "./recipients";

const purpose = (p: Partial<RecipientPurpose>): RecipientPurpose => ({ legalBasis: "consent", consentKind: "standard", everGranted: false, ...p });
const laws: CustomerLaw[][] = [["PIPL"], ["GDPR"], ["CCPA"], ["PIPL", "GDPR"]];

describe("a purpose applied to a customer (its recipients may hold their data)", () => {
  it.each([
    ["a consent purpose they granted once", purpose({ everGranted: true }), [true, true, true, true]],
    ["a consent purpose never granted", purpose({}), [false, false, false, false]],
    ["an opt-out purpose: only where opt-out is lawful (CCPA)", purpose({ consentKind: "opt_out" }), [false, false, true, false]],
    ["legitimate interest: never under PIPL alone", purpose({ legalBasis: "legitimate_interest" }), [false, true, true, true]],
    ["a contract purpose", purpose({ legalBasis: "contract" }), [true, true, true, true]],
  ] as const)("%s", (_name, p, expected) => {
    expect(laws.map((l) => purposeApplied(p, l))).toEqual(expected);
  });
});
