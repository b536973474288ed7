import type { CustomerLaw } from "@/db/schema/customers";

/**
 * The one vocabulary of personal-data categories, shared by purposes (what a purpose uses), the
 * vendor registry (what a vendor receives) and erasure vendor tasks. Ids are stored; labels live in
 * messages/<locale>/dataCategories.json, so both languages stay in step.
 */
export const dataCategories = [
  "identity",
  "contact",
  "national_id",
  "financial",
  "transactions",
  "vouchers",
  "location",
  "device",
  "behaviour",
  "preferences",
  "support",
  "biometric",
  "minors",
  "health",
  "religion",
  "specific_identity",
  "racial_ethnic_origin",
  "political_opinions",
  "trade_union",
  "genetic",
  "sex_life",
] as const;
export type DataCategory = (typeof dataCategories)[number];

/**
 * Which laws call a category sensitive, with the provision that does. PIPL Art. 28 (in force
 * 2021-11-01): biometrics, religious belief, specific identity, medical health, financial
 * accounts, whereabouts, and any information of a minor under 14 (GB/T 35273-2020 Annex B adds
 * identity-document numbers and genes). GDPR Art. 9(1) (2018-05-25): the special categories.
 * CCPA as amended by CPRA, Cal. Civ. Code §1798.140(ae) (2023-01-01): sensitive personal information.
 */
export const sensitiveUnder: Partial<Record<DataCategory, Partial<Record<CustomerLaw, string>>>> = {
  national_id: { PIPL: "GB/T 35273-2020 Annex B", CCPA: "§1798.140(ae)(1)(A)" },
  financial: { PIPL: "Art. 28 (financial accounts)", CCPA: "§1798.140(ae)(1)(B)" },
  location: { PIPL: "Art. 28 (whereabouts)", CCPA: "§1798.140(ae)(1)(C) (precise geolocation)" },
  biometric: {
    PIPL: "Art. 28 (biometrics)",
    GDPR: "Art. 9(1) (biometric data for identification)",
    CCPA: "§1798.140(ae)(2)(A)",
  },
  minors: { PIPL: "Art. 28 (minors under 14)" },
  health: {
    PIPL: "Art. 28 (medical health)",
    GDPR: "Art. 9(1) (health)",
    CCPA: "§1798.140(ae)(2)(B)",
  },
  religion: {
    PIPL: "Art. 28 (religious belief)",
    GDPR: "Art. 9(1) (religious or philosophical beliefs)",
    CCPA: "§1798.140(ae)(1)(D)",
  },
  specific_identity: { PIPL: "Art. 28 (specific identity)" },
  racial_ethnic_origin: {
    GDPR: "Art. 9(1) (racial or ethnic origin)",
    CCPA: "§1798.140(ae)(1)(D)",
  },
  political_opinions: { GDPR: "Art. 9(1) (political opinions)" },
  trade_union: { GDPR: "Art. 9(1) (trade-union membership)", CCPA: "§1798.140(ae)(1)(D)" },
  genetic: {
    PIPL: "GB/T 35273-2020 Annex B (genes)",
    GDPR: "Art. 9(1) (genetic data)",
    CCPA: "§1798.140(ae)(1)(F)",
  },
  sex_life: { GDPR: "Art. 9(1) (sex life or sexual orientation)", CCPA: "§1798.140(ae)(2)(C)" },
};

/** The laws under which a category is sensitive, in the order PIPL, GDPR, CCPA. */
export const lawsCallingSensitive = (category: string): CustomerLaw[] =>
  (["PIPL", "GDPR", "CCPA"] as const).filter(
    (law) => sensitiveUnder[category as DataCategory]?.[law] !== undefined,
  );

/** Categories sensitive under at least one law. */
export const sensitiveCategories: readonly DataCategory[] = dataCategories.filter(
  (c) => lawsCallingSensitive(c).length > 0,
);

/** Whether any of the categories is sensitive, under `law` or (without one) under any law. */
export const impliesSensitive = (categories: readonly string[], law?: CustomerLaw) =>
  categories.some((c) =>
    law ? lawsCallingSensitive(c).includes(law) : lawsCallingSensitive(c).length > 0,
  );

/**
 * Whether processing these categories on consent needs separate (explicit) consent: sensitive under
 * PIPL (Art. 29, separate consent) or GDPR (Art. 9(2)(a), explicit consent). CPRA gives a right to
 * limit their use instead, which asks no consent.
 */
export const needsSeparateConsent = (categories: readonly string[]) =>
  impliesSensitive(categories, "PIPL") || impliesSensitive(categories, "GDPR");
