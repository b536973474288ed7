import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { ConsentKind, PurposeBases } from "@/db/schema/purposes";
import type { CustomerLaw } from "@/db/schema/customers";
import { decide } from "@/lib/consent/decide";
import { gdprChildAgeRule } from "@/lib/consent/legal-bases";
import { applicableLaws } from "@/lib/customers/applicable-laws";

export interface RecipientPurpose {
  bases: PurposeBases;
  consentKind: ConsentKind;
  /** The customer granted it at least once (their data may have gone out while it stood). */
  everGranted: boolean;
}

/**
 * Whether a purpose applied to this customer, so that its recipients may hold their data: they
 * granted it at some time (a later withdrawal does not call back what was sent), or the consent
 * decision (lib/consent/decide.ts) allows it under their laws without any answer from them — an
 * opt-out only under CCPA, legitimate interest only under GDPR, contract or legal duty, never a
 * purpose with no basis under one of their laws.
 */
export function purposeApplied(purpose: RecipientPurpose, laws: readonly CustomerLaw[]): boolean {
  if (purpose.everGranted) return true;
  return decide({
    laws,
    bases: purpose.bases,
    consentKind: purpose.consentKind,
    status: null,
    reconsentRequired: false,
    minorAges: {},
    gdprChildAge: gdprChildAgeRule.default,
    byGuardian: false,
    gpc: false,
    saleOptedOut: false,
    sensitiveLimited: false,
  }).allowed;
}

type Row = {
  vendor_id: string;
  bases: PurposeBases;
  consent_kind: ConsentKind;
  ever_granted: boolean;
  data_categories: string[];
  laws: string[];
  region: string | null;
  jurisdictions: CustomerLaw[];
} & Record<string, unknown>;

/**
 * The vendors that received this customer's data: the recipients of the purposes that applied to
 * them, each with the data categories those purposes send. One query over the purposes that have
 * recipients (a catalogue, not customer rows), archived ones included: they may still hold copies.
 */
export async function recipientsOf(
  tx: Tx,
  orgId: string,
  customerId: string,
): Promise<Map<string, string[]>> {
  const { rows } = await tx.execute<Row>(sql`
    select r.vendor_id, p.bases, p.consent_kind, p.data_categories, c.laws, c.region, o.jurisdictions,
      exists (select 1 from consent_events e where e.org_id = p.org_id and e.customer_id = c.id and e.purpose_id = p.id and e.action = 'grant') as ever_granted
    from purposes p
    cross join lateral unnest(p.recipient_vendor_ids) as r(vendor_id)
    join customers c on c.org_id = p.org_id and c.id = ${customerId}
    join organizations o on o.id = p.org_id
    where p.org_id = ${orgId}`);
  const received = new Map<string, string[]>();
  for (const row of rows) {
    const laws = applicableLaws(row, row.jurisdictions).laws;
    if (
      !purposeApplied(
        { bases: row.bases, consentKind: row.consent_kind, everGranted: row.ever_granted },
        laws,
      )
    )
      continue;
    received.set(
      row.vendor_id,
      [...new Set([...(received.get(row.vendor_id) ?? []), ...row.data_categories])].sort(),
    );
  }
  return received;
}
