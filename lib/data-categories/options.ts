/**
 * The one vocabulary of personal-data categories, shared by purposes (what a purpose uses), the
 * vendor registry (what a vendor receives) and erasure vendor tasks. Ids are stored; labels live in
 * messages/<locale>/dataCategories.json, so both languages stay in step.
 */
export const dataCategories = [
  "identity", "contact", "national_id", "financial", "transactions", "vouchers", "location", "device", "behaviour",
  "preferences", "support", "biometric", "minors",
] as const;
export type DataCategory = (typeof dataCategories)[number];

/**
 * Sensitive personal information under PIPL Art. 28 (specific identity, financial accounts,
 * whereabouts, biometrics, children under 14).
 */
export const sensitiveCategories: readonly DataCategory[] = ["national_id", "financial", "location", "biometric", "minors"];

/** Whether any of the categories is sensitive personal information. */
export const impliesSensitive = (categories: readonly string[]) => categories.some((c) => (sensitiveCategories as readonly string[]).includes(c));
