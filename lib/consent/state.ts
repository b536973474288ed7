import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { ConsentKind, ConsentStatus, LegalBasis } from "@/db/schema/consent";
import type { LocalizedText } from "@/db/schema/policies";
import { decide, type CheckReason } from "./decide";

/** One purpose of the catalogue and where a customer stands on it now. */
export interface PurposeConsent {
  purposeId: string;
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  legalBasis: LegalBasis;
  consentKind: ConsentKind;
  required: boolean;
  sensitive: boolean;
  /** null: the customer has never answered for this purpose. */
  status: ConsentStatus | null;
  occurredAt: string | null;
  /** The receipt behind the current state. */
  receiptId: string | null;
  /** The policy version the customer saw when answering. */
  policyVersionId: string | null;
  gpc: boolean;
  /** Granted before the purpose's last material policy change: must be asked again. */
  reconsentRequired: boolean;
  allowed: boolean;
  reason: CheckReason;
}

interface Row extends Record<string, unknown> {
  purpose_id: string; code: string; name: LocalizedText; description: LocalizedText; legal_basis: LegalBasis; consent_kind: ConsentKind;
  required: boolean; sensitive: boolean; status: ConsentStatus | null; occurred_at: string | Date | null; event_id: string | null;
  policy_version_id: string | null; gpc: boolean | null; reconsent_required: boolean;
}

/**
 * Every purpose of the catalogue (archived ones left out) with the customer's current state. The
 * state rows are never rewritten when a material change is published: `reconsentRequired` is
 * derived here by comparing the grant's time with the purpose's `reconsent_since`.
 */
export async function consentStateOf(tx: Tx, orgId: string, customerId: string): Promise<PurposeConsent[]> {
  const { rows } = await tx.execute<Row>(sql`
    select p.id as purpose_id, p.code, p.name, p.description, p.legal_basis, p.consent_kind, p.required, p.sensitive,
      s.status, s.occurred_at, s.event_id, s.policy_version_id, s.gpc,
      coalesce(s.status = 'granted' and s.occurred_at < p.reconsent_since, false) as reconsent_required
    from purposes p
    left join consent_state s on s.org_id = p.org_id and s.customer_id = ${customerId} and s.purpose_id = p.id
    where p.org_id = ${orgId} and p.archived_at is null
    order by p.required desc, p.code`);
  return rows.map((r) => ({
    purposeId: r.purpose_id, code: r.code, name: r.name, description: r.description, legalBasis: r.legal_basis, consentKind: r.consent_kind,
    required: r.required, sensitive: r.sensitive, status: r.status,
    occurredAt: r.occurred_at === null ? null : new Date(r.occurred_at).toISOString(),
    receiptId: r.event_id, policyVersionId: r.policy_version_id, gpc: r.gpc ?? false, reconsentRequired: r.reconsent_required,
    ...decide({ legalBasis: r.legal_basis, consentKind: r.consent_kind, status: r.status, reconsentRequired: r.reconsent_required }),
  }));
}
