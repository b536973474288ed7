import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { ConsentStatus } from "@/db/schema/consent";
import type { ConsentKind, PurposeBases } from "@/db/schema/purposes";
import type { Jurisdiction } from "@/db/schema/organizations";
import { applicableLaws } from "@/lib/customers/applicable-laws";
import { minorAges } from "@/lib/customers/minor-age";
import { impliesSensitive } from "@/lib/data-categories/options";
import { decide, type Decision } from "./decide";
import { gdprChildAgeRule } from "./legal-bases";

export type { CheckReason, Decision } from "./decide";

/** The columns `consent_check_row` returns (db/security.sql): what the decision needs, nothing decided. */
export interface ConsentCheckRow extends Record<string, unknown> {
  customer_id: string | null;
  customer_laws: string[] | null;
  customer_region: string | null;
  minor_born_on: string | null;
  org_laws: Jurisdiction[] | null;
  gdpr_time_zone: string | null;
  gdpr_child_age: number | null;
  bases: PurposeBases | null;
  consent_kind: ConsentKind | null;
  status: ConsentStatus | null;
  gpc: boolean | null;
  by_guardian: boolean | null;
  reconsent_required: boolean | null;
  sale_opted_out: boolean | null;
  sensitive_limited: boolean | null;
  data_categories: string[] | null;
}

/**
 * The check as one SQL call, `consent_check_row`, which enters the organisation itself: on the
 * pool it needs no transaction. `org` is the organisation's id, or an expression giving it (the
 * API joins the call to its key check, so the platform's check before every message is one
 * statement).
 */
export const consentCheckCall = (
  org: string | SQL,
  externalRef: string,
  purposeCode: string,
): SQL => sql`consent_check_row(${org}, ${externalRef}, ${purposeCode})`;

const unknown = (reason: "unknown_customer" | "unknown_purpose"): Decision => ({
  allowed: false,
  reason,
  law: null,
  article: null,
});

/** The decision from the check's row (the same `decide` as every other reader): none, or nulls, for an unknown customer or purpose. */
export function decisionOf(row: ConsentCheckRow | undefined, now: Date = new Date()): Decision {
  if (!row?.customer_id) return unknown("unknown_customer");
  if (!row.bases || !row.consent_kind) return unknown("unknown_purpose");
  const laws = applicableLaws(
    { laws: row.customer_laws ?? [], region: row.customer_region },
    row.org_laws ?? [],
  ).laws;
  return decide({
    laws,
    bases: row.bases,
    consentKind: row.consent_kind,
    status: row.status,
    reconsentRequired: row.reconsent_required === true,
    // A known customer comes with their organisation's row: its zone is there.
    minorAges: minorAges(row.minor_born_on, laws, row.gdpr_time_zone!, now),
    gdprChildAge: row.gdpr_child_age ?? gdprChildAgeRule.default,
    byGuardian: row.by_guardian === true,
    gpc: row.gpc === true,
    saleOptedOut: row.sale_opted_out === true,
    sensitiveLimited:
      row.sensitive_limited === true && impliesSensitive(row.data_categories ?? [], "CCPA"),
  });
}
