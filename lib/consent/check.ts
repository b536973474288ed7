import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { ConsentKind, ConsentStatus, LegalBasis } from "@/db/schema/consent";
import { decide, type Decision } from "./decide";

export type { CheckReason, Decision } from "./decide";

/** The columns `consent_check_row` returns (db/security.sql). */
export interface ConsentCheckRow extends Record<string, unknown> {
  customer_id: string | null; legal_basis: LegalBasis | null; consent_kind: ConsentKind | null;
  status: ConsentStatus | null; reconsent_required: boolean | null;
}

/**
 * The check as one SQL call, `consent_check_row`, which enters the organisation itself: on the
 * pool it needs no transaction. `org` is the organisation's id, or an expression giving it (the
 * API joins the call to its key check, so the platform's check before every message is one
 * statement).
 */
export const consentCheckCall = (org: string | SQL, externalRef: string, purposeCode: string): SQL =>
  sql`consent_check_row(${org}, ${externalRef}, ${purposeCode})`;

/** The decision from the check's row: none, or nulls, for an unknown customer or purpose. */
export function decisionOf(row: ConsentCheckRow | undefined): Decision {
  if (!row?.customer_id) return { allowed: false, reason: "unknown_customer" };
  if (!row.legal_basis || !row.consent_kind) return { allowed: false, reason: "unknown_purpose" };
  return decide({ legalBasis: row.legal_basis, consentKind: row.consent_kind, status: row.status, reconsentRequired: row.reconsent_required === true });
}
