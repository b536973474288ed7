import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { ConsentKind, ConsentStatus, LegalBasis } from "@/db/schema/consent";
import { decide, type Decision } from "./decide";

export type { CheckReason, Decision } from "./decide";

interface Row extends Record<string, unknown> {
  customer_id: string | null; legal_basis: LegalBasis | null; consent_kind: ConsentKind | null;
  status: ConsentStatus | null; reconsent_required: boolean;
}

/** The customer by id, or by the platform's reference (erased customers are unknown). */
export type CustomerKey = { customerId: string } | { externalRef: string };

/**
 * May the organisation process this customer's data for this purpose now? One statement, one
 * round trip: the purpose by code (archived ones are unknown), the customer, and the state row,
 * each through its unique index.
 */
export async function checkConsent(tx: Tx, orgId: string, customer: CustomerKey, purposeCode: string): Promise<Decision> {
  const match = "customerId" in customer ? sql`c.id = ${customer.customerId}` : sql`c.external_ref = ${customer.externalRef}`;
  const { rows } = await tx.execute<Row>(sql`
    select c.id as customer_id, p.legal_basis, p.consent_kind, s.status,
      coalesce(s.status = 'granted' and s.occurred_at < p.reconsent_since, false) as reconsent_required
    from (select 1) one
    left join customers c on c.org_id = ${orgId} and ${match} and c.status <> 'erased'
    left join purposes p on p.org_id = ${orgId} and p.code = ${purposeCode} and p.archived_at is null
    left join consent_state s on s.org_id = ${orgId} and s.customer_id = c.id and s.purpose_id = p.id`);
  const row = rows[0];
  if (!row?.customer_id) return { allowed: false, reason: "unknown_customer" };
  if (!row.legal_basis || !row.consent_kind) return { allowed: false, reason: "unknown_purpose" };
  return decide({ legalBasis: row.legal_basis, consentKind: row.consent_kind, status: row.status, reconsentRequired: row.reconsent_required });
}
