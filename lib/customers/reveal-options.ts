import type { Role } from "@/db/schema/users";

/** Why a person reveals a value (the dialog's choices; the audit event keeps the code). */
export const revealReasons = [
  "support_request",
  "subject_request",
  "fraud_investigation",
  "legal_obligation",
  "other",
] as const;

/** What can be revealed: a customer's personal field, or a payment account's full identifier. */
export const revealTargets = [
  "displayName",
  "phone",
  "email",
  "nationalId",
  "address",
  "birthDate",
  "paymentAccount",
] as const;
export type RevealTarget = (typeof revealTargets)[number];

export const REVEAL_SECONDS = 60;
export const REVEAL_NOTE_MAX = 200;

/** Reveals per person per hour. A privacy officer investigates at volume; others ask one. */
export const revealLimit = (role: Role) => (role === "privacy_officer" ? 300 : 30);
