/**
 * The fixed lists a purpose's fields choose from. Ids are stored; labels live in
 * messages/<locale>/purposes.json under `options.<list>.<id>`.
 * These mirror db/schema/purposes.ts for code that must not load the database schema (client
 * forms); options.test.ts keeps them equal. The legal bases per law are lib/consent/legal-bases.ts;
 * data categories the shared vocabulary of lib/data-categories/options.ts.
 */
export const lawIds = ["PIPL", "GDPR", "CCPA"] as const;
export type LawId = (typeof lawIds)[number];
/** The form field that holds a purpose's basis under a law. */
export const basisField = (law: LawId) => `basis${law}` as const;
export const consentKindIds = ["standard", "separate"] as const;
export const separateGroundIds = [
  "sensitive",
  "sharing",
  "public_disclosure",
  "cross_border",
] as const;
export const transferMechanismIds = [
  "standard_contract",
  "certification",
  "security_assessment",
  "exemption",
] as const;

/** Where data goes when it leaves mainland China (Hong Kong, Macao and Taiwan count as outbound under PIPL). */
export const destinations = [
  "HK",
  "MO",
  "TW",
  "SG",
  "JP",
  "KR",
  "US",
  "EU",
  "GB",
  "AU",
  "OTHER",
] as const;
export type Destination = (typeof destinations)[number];
