/**
 * The fixed list a system's security measures choose from (PIPL Art. 51(3): encryption,
 * de-identification and other technical measures). Ids are stored; labels live in
 * messages/<locale>/systems.json under `measures.<id>`.
 */
export const securityMeasures = [
  "encryption_at_rest",
  "encryption_in_transit",
  "field_encryption",
  "pseudonymisation",
  "access_control",
  "mfa",
  "audit_logging",
  "network_isolation",
  "backup",
  "data_masking",
] as const;
export type SecurityMeasure = (typeof securityMeasures)[number];
