import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { ConsentKind, ConsentStatus, LegalBasis } from "@/db/schema/consent";
import { decide, type Decision } from "./decide";

export type { CheckReason, Decision } from "./decide";

interface Row extends Record<string, unknown> {
  customer_id: string | null; legal_basis: LegalBasis | null; consent_kind: ConsentKind | null;
  status: ConsentStatus | null; reconsent_required: boolean;
}

/**
 * May the organisation process this customer's data for this purpose now? One statement
 * (consent_check_row in db/security.sql), which enters the organisation itself: on the pool it
 * needs no transaction, so the platform's check before every message costs one round trip.
 */
export async function checkConsent(db: Executor, orgId: string, externalRef: string, purposeCode: string): Promise<Decision> {
  const { rows } = await db.execute<Row>(sql`select * from consent_check_row(${orgId}, ${externalRef}, ${purposeCode})`);
  const row = rows[0];
  if (!row?.customer_id) return { allowed: false, reason: "unknown_customer" };
  if (!row.legal_basis || !row.consent_kind) return { allowed: false, reason: "unknown_purpose" };
  return decide({ legalBasis: row.legal_basis, consentKind: row.consent_kind, status: row.status, reconsentRequired: row.reconsent_required });
}
