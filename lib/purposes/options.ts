/**
 * The fixed lists a purpose's fields choose from. Ids are stored; labels live in
 * messages/<locale>/purposes.json under `options.<list>.<id>`.
 * The first three mirror db/schema/consent.ts for code that must not load the database schema
 * (client forms); options.test.ts keeps them equal. Data categories are the shared vocabulary of
 * lib/data-categories/options.ts.
 */
export const legalBasisIds = [
  "consent", "contract", "legal_obligation", "vital_interests", "public_interest", "legitimate_interest",
] as const;
export const consentKindIds = ["standard", "separate", "opt_out"] as const;
export const separateGroundIds = ["sensitive", "sharing", "public_disclosure", "cross_border"] as const;

/** Where data goes when it leaves mainland China (Hong Kong, Macao and Taiwan count as outbound under PIPL). */
export const destinations = ["HK", "MO", "TW", "SG", "JP", "KR", "US", "EU", "GB", "AU", "OTHER"] as const;
export type Destination = (typeof destinations)[number];
