import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { ConsentKind, LegalBasis } from "@/db/schema/consent";
import type { CustomerLaw } from "@/db/schema/customers";
import { applicableLaws } from "@/lib/customers/applicable-laws";

export interface RecipientPurpose {
  legalBasis: LegalBasis;
  consentKind: ConsentKind;
  /** The customer granted it at least once (their data may have gone out while it stood). */
  everGranted: boolean;
}

/**
 * Whether a purpose applied to this customer, so that its recipients may hold their data. Kept
 * simple, and erring towards asking a vendor (who may answer "not applicable"):
 * - the customer granted it at some time (a later withdrawal does not call back what was sent);
 * - opt-out purposes (sale, sharing, targeted ads) only where a law allows opt-out: CCPA/CPRA;
 *   under PIPL and GDPR they need a grant (PIPL Arts. 13–14, GDPR Arts. 6–7);
 * - legitimate interest only where the customer is not under PIPL alone (PIPL Art. 13 has no
 *   legitimate interest: such a purpose needs their consent);
 * - any other basis that needs no consent (contract, legal obligation, vital or public interest).
 * (Until purposes carry a basis per law, the purpose's one basis is read under each law.)
 */
export function purposeApplied(purpose: RecipientPurpose, laws: readonly CustomerLaw[]): boolean {
  if (purpose.everGranted) return true;
  if (purpose.consentKind === "opt_out") return laws.includes("CCPA");
  if (purpose.legalBasis === "consent") return false;
  if (purpose.legalBasis === "legitimate_interest") return laws.some((law) => law !== "PIPL");
  return true;
}

type Row = {
  vendor_id: string; legal_basis: LegalBasis; consent_kind: ConsentKind; ever_granted: boolean; data_categories: string[];
  laws: string[]; region: string | null; jurisdictions: CustomerLaw[];
} & Record<string, unknown>;

/**
 * The vendors that received this customer's data: the recipients of the purposes that applied to
 * them, each with the data categories those purposes send. One query over the purposes that have
 * recipients (a catalogue, not customer rows), archived ones included: they may still hold copies.
 */
export async function recipientsOf(tx: Tx, orgId: string, customerId: string): Promise<Map<string, string[]>> {
  const { rows } = await tx.execute<Row>(sql`
    select r.vendor_id, p.legal_basis, p.consent_kind, p.data_categories, c.laws, c.region, o.jurisdictions,
      exists (select 1 from consent_events e where e.org_id = p.org_id and e.customer_id = c.id and e.purpose_id = p.id and e.action = 'grant') as ever_granted
    from purposes p
    cross join lateral unnest(p.recipient_vendor_ids) as r(vendor_id)
    join customers c on c.org_id = p.org_id and c.id = ${customerId}
    join organizations o on o.id = p.org_id
    where p.org_id = ${orgId}`);
  const received = new Map<string, string[]>();
  for (const row of rows) {
    const laws = applicableLaws(row, row.jurisdictions).laws;
    if (!purposeApplied({ legalBasis: row.legal_basis, consentKind: row.consent_kind, everGranted: row.ever_granted }, laws)) continue;
    received.set(row.vendor_id, [...new Set([...(received.get(row.vendor_id) ?? []), ...row.data_categories])].sort());
  }
  return received;
}
