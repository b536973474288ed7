import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { ConsentStatus } from "@/db/schema/consent";
import type { ConsentKind, PurposeBases } from "@/db/schema/purposes";
import type { CustomerLaw } from "@/db/schema/customers";
import type { Jurisdiction } from "@/db/schema/organizations";
import type { LocalizedText } from "@/db/schema/policies";
import { applicableLaws } from "@/lib/customers/applicable-laws";
import { minorAges } from "@/lib/customers/minor-age";
import { impliesSensitive } from "@/lib/data-categories/options";
import { gdprChildAgeRule } from "./legal-bases";
import { choiceOf, decide, guardianNeeded, type Choice, type Decision } from "./decide";

/** One purpose of the catalogue and where a customer stands on it now. */
export interface PurposeConsent extends Decision {
  purposeId: string;
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  bases: PurposeBases;
  consentKind: ConsentKind;
  required: boolean;
  sensitive: boolean;
  dataCategories: string[];
  /**
   * How the customer's choice works under their laws (choiceOf); null when the purpose has no
   * basis under one of them: it is then never allowed, nor offered to them.
   */
  choice: Choice | null;
  /** null: the customer has never answered for this purpose. */
  status: ConsentStatus | null;
  occurredAt: string | null;
  /** The receipt behind the current state. */
  receiptId: string | null;
  /** The policy version the customer saw when answering. */
  policyVersionId: string | null;
  gpc: boolean;
  byGuardian: boolean;
  /** Granted before the purpose's last material policy change: must be asked again. */
  reconsentRequired: boolean;
  /** The customer's completed CCPA opt-out of sale and sharing stands for this purpose (decide). */
  saleOptedOut: boolean;
  /** Only a verified guardian's grant counts for this customer here (guardianNeeded). */
  guardianNeeded: boolean;
}

/** The customer's side of every decision: the laws that apply to them and, for a minor, their age under each. */
export interface CustomerStanding {
  laws: CustomerLaw[];
  /** Age on each law's calendar today; empty for adults and unknown ages (minorAges). */
  minorAges: Partial<Record<CustomerLaw, number>>;
  /** The organisation's GDPR Art. 8 age. */
  gdprChildAge: number;
}

interface Row extends Record<string, unknown> {
  purpose_id: string;
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  bases: PurposeBases;
  consent_kind: ConsentKind;
  required: boolean;
  sensitive: boolean;
  data_categories: string[];
  status: ConsentStatus | null;
  occurred_at: string | Date | null;
  event_id: string | null;
  policy_version_id: string | null;
  gpc: boolean | null;
  by_guardian: boolean | null;
  reconsent_required: boolean;
  sale_opted_out: boolean;
  sensitive_limited: boolean;
}

/** The laws and age of a customer, read once for all their purposes. */
export async function customerStanding(
  tx: Tx,
  orgId: string,
  customerId: string,
  now: Date = new Date(),
): Promise<CustomerStanding> {
  const { rows } = await tx.execute<{
    laws: string[];
    region: string | null;
    minor_born_on: string | null;
    jurisdictions: Jurisdiction[];
    gdpr_time_zone: string;
    gdpr_child_age: number;
  }>(sql`
    select c.laws, c.region, c.minor_born_on::text, o.jurisdictions, o.gdpr_time_zone, o.gdpr_child_age
    from organizations o left join customers c on c.org_id = o.id and c.id = ${customerId}
    where o.id = ${orgId}`);
  const row = rows[0];
  const laws = applicableLaws(
    row?.laws ? { laws: row.laws, region: row.region } : null,
    row?.jurisdictions ?? [],
  ).laws;
  return {
    laws,
    minorAges: row ? minorAges(row.minor_born_on, laws, row.gdpr_time_zone, now) : {},
    gdprChildAge: row?.gdpr_child_age ?? gdprChildAgeRule.default,
  };
}

/**
 * Every purpose of the catalogue (archived ones left out) with the customer's current state and
 * the decision under their laws — the same `decide` the check endpoint runs. The state rows are
 * never rewritten when a material change is published: `reconsentRequired` is derived here by
 * comparing the grant's time with the purpose's `reconsent_since`.
 */
export async function consentStateOf(
  tx: Tx,
  orgId: string,
  customerId: string,
  now: Date = new Date(),
): Promise<PurposeConsent[]> {
  return (await customerConsent(tx, orgId, customerId, now)).purposes;
}

/** The customer's laws and age, and every purpose with their state and decision (consentStateOf). */
export async function customerConsent(
  tx: Tx,
  orgId: string,
  customerId: string,
  now: Date = new Date(),
): Promise<{ standing: CustomerStanding; purposes: PurposeConsent[] }> {
  const standing = await customerStanding(tx, orgId, customerId, now);
  const { rows } = await tx.execute<Row>(sql`
    select p.id as purpose_id, p.code, p.name, p.description, p.bases, p.consent_kind, p.required, p.sensitive, p.data_categories,
      s.status, s.occurred_at, s.event_id, s.policy_version_id, s.gpc, s.by_guardian,
      coalesce(s.status = 'granted' and s.occurred_at < p.reconsent_since, false) as reconsent_required,
      -- As consent_check_row (db/security.sql): a completed opt-out of sale and sharing stands unless opted in again after it.
      c.sale_opt_out_at is not null and not coalesce(s.status = 'granted' and s.occurred_at > c.sale_opt_out_at, false) as sale_opted_out,
      c.sensitive_limit_at is not null and not coalesce(s.status = 'granted' and s.occurred_at > c.sensitive_limit_at, false) as sensitive_limited
    from purposes p
    left join customers c on c.org_id = p.org_id and c.id = ${customerId}
    left join consent_state s on s.org_id = p.org_id and s.customer_id = ${customerId} and s.purpose_id = p.id
    where p.org_id = ${orgId} and p.archived_at is null
    order by p.required desc, p.code`);
  const purposes = rows.map((r): PurposeConsent => {
    const state = {
      status: r.status,
      gpc: r.gpc ?? false,
      byGuardian: r.by_guardian ?? false,
      reconsentRequired: r.reconsent_required,
      saleOptedOut: r.sale_opted_out,
      sensitiveLimited: r.sensitive_limited && impliesSensitive(r.data_categories, "CCPA"),
    };
    return {
      purposeId: r.purpose_id,
      code: r.code,
      name: r.name,
      description: r.description,
      bases: r.bases,
      consentKind: r.consent_kind,
      required: r.required,
      sensitive: r.sensitive,
      dataCategories: r.data_categories,
      choice: choiceOf(standing.laws, r.bases),
      guardianNeeded: guardianNeeded({ ...standing, bases: r.bases }),
      ...state,
      occurredAt: r.occurred_at === null ? null : new Date(r.occurred_at).toISOString(),
      receiptId: r.event_id,
      policyVersionId: r.policy_version_id,
      ...decide({
        ...state,
        laws: standing.laws,
        minorAges: standing.minorAges,
        gdprChildAge: standing.gdprChildAge,
        bases: r.bases,
        consentKind: r.consent_kind,
      }),
    };
  });
  return { standing, purposes };
}
