/**
 * The fixed lists a vendor's fields choose from. Ids are stored; labels live in
 * messages/<locale>/vendors.json under `options.<list>.<id>`, so both languages stay in step. Data
 * categories are the shared vocabulary of lib/data-categories/options.ts.
 */
export const regions = [
  "CN",
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
export type Region = (typeof regions)[number];

/** Mainland China: where data stays "in the country" for PIPL Arts. 38–40 (Hong Kong, Macao and Taiwan are outside it). */
export const HOME_REGION: Region = "CN";

export const purposes = [
  "hosting",
  "payment",
  "identityVerification",
  "messaging",
  "customerService",
  "analytics",
  "marketing",
  "fraudPrevention",
  "mapping",
  "eSignature",
  "fulfilment",
  "monitoring",
] as const;
export type Purpose = (typeof purposes)[number];

export const certifications = [
  "iso27001",
  "iso27701",
  "iso27017",
  "soc2",
  "mlps2",
  "mlps3",
  "mlps4",
  "pciDss",
  "csaStar",
] as const;
export type Certification = (typeof certifications)[number];

// Mirrors db/schema/vendors.ts for code that must not load the database schema (client forms).
export const riskTierIds = ["low", "medium", "high", "critical"] as const;
export const handlerRoleIds = [
  "entrusted_processor",
  "independent_handler",
  "joint_handler",
] as const;
export const dpaStatusIds = ["none", "draft", "signed", "expired"] as const;
export const reviewStateIds = ["ok", "due", "overdue"] as const;
