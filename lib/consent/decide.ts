import type { ConsentKind, ConsentStatus, LegalBasis } from "@/db/schema/consent";

export const checkReasons = [
  "granted", "not_granted", "denied", "withdrawn", "reconsent_required", "not_required_consent", "not_opted_out",
  "unknown_purpose", "unknown_customer",
] as const;
export type CheckReason = (typeof checkReasons)[number];

export interface Decision {
  allowed: boolean;
  reason: CheckReason;
}

/** What one purpose and one customer's current state (if any) say about processing. */
export interface DecisionInput {
  legalBasis: LegalBasis;
  consentKind: ConsentKind;
  status: ConsentStatus | null;
  /** The state is a grant given before the purpose's last material change. */
  reconsentRequired: boolean;
}

/**
 * May the organisation process for this purpose now?
 * - opt-out purposes (CCPA sale/share): allowed until the customer denies or withdraws;
 * - other purposes not based on consent (contract, legal obligation…): allowed, no consent needed;
 * - consent purposes (standard or separate): only a grant given after the last material change.
 */
export function decide({ legalBasis, consentKind, status, reconsentRequired }: DecisionInput): Decision {
  if (consentKind === "opt_out") {
    if (status === "denied" || status === "withdrawn") return { allowed: false, reason: status };
    return { allowed: true, reason: status === "granted" ? "granted" : "not_opted_out" };
  }
  if (legalBasis !== "consent") return { allowed: true, reason: "not_required_consent" };
  if (status === "granted") return reconsentRequired ? { allowed: false, reason: "reconsent_required" } : { allowed: true, reason: "granted" };
  if (status === "denied" || status === "withdrawn") return { allowed: false, reason: status };
  return { allowed: false, reason: "not_granted" };
}
