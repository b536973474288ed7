import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { consentCheckCall, decisionOf, type ConsentCheckRow } from "@/lib/consent/check";
import { recordConsentBatch, truncateIp, type ConsentEventInput } from "@/lib/consent/record";
import { consentStateOf } from "@/lib/consent/state";
import { countConsentCheck, countConsentEvents } from "@/lib/core/metrics/consent";
import { verifiedGuardians } from "@/lib/portal/guardian";
import {
  CHECKS_PER_MINUTE,
  CONSENT_BATCHES_PER_MINUTE,
  consentEventBatchRequest,
  consentPathParams,
  type ConsentEventItem,
} from "./consent-schemas";
import { defineEndpoint } from "./define-endpoint";
import { ApiProblem, type ItemError } from "./problem";

/** How far ahead of our clock an occurredAt may be (the platform's clocks drift a little). */
const FUTURE_SKEW_MS = 5 * 60 * 1000;

const param = (values: unknown[]) => sql.param(values);

interface References {
  customers: Map<string, string>;
  purposes: Map<string, { id: string; required: boolean; archived: boolean }>;
  versions: Map<string, string>;
  /** Guardian challenges verified in the last 30 minutes → the customer each is for. */
  guardians: Map<string, string>;
}

const versionKey = (document: string, version: number) => `${document}\u0000${version}`;

interface ReferenceRow extends Record<string, unknown> {
  customers: Array<{ id: string; ref: string }>;
  purposes: Array<{ id: string; code: string; required: boolean; archived: boolean }>;
}

/**
 * Everything the batch names, resolved in indexed reads (guardians only when named); what is
 * missing stays missing. Customers and purposes come back in one statement: one round trip
 * fewer on every batch.
 */
async function resolveReferences(
  tx: Tx,
  orgId: string,
  items: ConsentEventItem[],
): Promise<References> {
  const refs = [...new Set(items.map((i) => i.customerRef))];
  const codes = [...new Set(items.map((i) => i.purpose))];
  const shown = items.flatMap((i) => (i.policyVersion ? [i.policyVersion] : []));
  const {
    rows: [found],
  } = await tx.execute<ReferenceRow>(sql`
    select
      (select coalesce(json_agg(json_build_object('id', id, 'ref', external_ref)), '[]') from customers
        where org_id = ${orgId} and external_ref = any(${param(refs)}::text[]) and status <> 'erased') as customers,
      (select coalesce(json_agg(json_build_object('id', id, 'code', code, 'required', required, 'archived', archived_at is not null)), '[]') from purposes
        where org_id = ${orgId} and code = any(${param(codes)}::text[])) as purposes`);
  const versions =
    shown.length === 0
      ? { rows: [] }
      : await tx.execute<{ id: string; slug: string; version: number }>(sql`
    select v.id, d.slug, v.version from policy_versions v
    join policy_documents d on d.org_id = v.org_id and d.id = v.document_id
    join unnest(${param(shown.map((s) => s.document))}::text[], ${param(shown.map((s) => s.version))}::int[]) as s(slug, version)
      on s.slug = d.slug and s.version = v.version
    where v.org_id = ${orgId} and v.status in ('published', 'superseded')`);
  return {
    customers: new Map(found.customers.map((r) => [r.ref, r.id])),
    purposes: new Map(found.purposes.map((r) => [r.code, r])),
    versions: new Map(versions.rows.map((r) => [versionKey(r.slug, r.version), r.id])),
    guardians: await verifiedGuardians(
      tx,
      orgId,
      items.flatMap((i) => (i.guardianChallengeId ? [i.guardianChallengeId] : [])),
    ),
  };
}

/** Per-item refusals the schema cannot know: unknown or archived references, required purposes refused, future times. */
function referenceErrors(items: ConsentEventItem[], refs: References, now: number): ItemError[] {
  const errors: ItemError[] = [];
  items.forEach((item, index) => {
    const purpose = refs.purposes.get(item.purpose);
    if (!refs.customers.has(item.customerRef)) {
      errors.push({
        index,
        field: "customerRef",
        code: "unknown_reference",
        message: "No customer with this externalRef (or the customer has been erased).",
      });
    }
    if (!purpose)
      errors.push({
        index,
        field: "purpose",
        code: "unknown_reference",
        message: "No purpose with this code.",
      });
    else if (purpose.archived)
      errors.push({
        index,
        field: "purpose",
        code: "archived",
        message: "This purpose is archived; consent to it can no longer be recorded.",
      });
    else if (purpose.required && item.action !== "grant") {
      errors.push({
        index,
        field: "action",
        code: "required_purpose",
        message: "A required purpose cannot be denied or withdrawn.",
      });
    }
    if (
      item.policyVersion &&
      !refs.versions.has(versionKey(item.policyVersion.document, item.policyVersion.version))
    ) {
      errors.push({
        index,
        field: "policyVersion",
        code: "unknown_reference",
        message: "No published version with this document slug and number.",
      });
    }
    if (
      item.guardianChallengeId &&
      refs.guardians.get(item.guardianChallengeId) !== refs.customers.get(item.customerRef)
    ) {
      errors.push({
        index,
        field: "guardianChallengeId",
        code: "guardian_unverified",
        message: "No guardian code for this customer verified in the last 30 minutes.",
      });
    }
    if (Date.parse(item.occurredAt) > now + FUTURE_SKEW_MS) {
      errors.push({
        index,
        field: "occurredAt",
        code: "future",
        message: "occurredAt is in the future.",
      });
    }
  });
  return errors;
}

/**
 * POST /consent-events: up to 1,000 receipts, all written or none. Every reference is checked
 * before anything is written; one refused item refuses the batch with an error per item.
 */
export const recordConsentEvents = defineEndpoint({
  scope: "consent:write",
  body: consentEventBatchRequest,
  rateLimit: { bucket: "consent-events", perMinute: CONSENT_BATCHES_PER_MINUTE },
  committed: ({ items }) => countConsentEvents(items.map((item) => item.action)),
  run: async ({ caller, tx, audit }, { items }) => {
    const refs = await resolveReferences(tx, caller.orgId, items);
    const errors = referenceErrors(items, refs, Date.now());
    if (errors.length > 0)
      throw new ApiProblem("validation", "Some items are not valid; nothing was written.", errors);
    const events: ConsentEventInput[] = items.map((item) => ({
      customerId: refs.customers.get(item.customerRef)!,
      purposeId: refs.purposes.get(item.purpose)!.id,
      action: item.action,
      policyVersionId: item.policyVersion
        ? refs.versions.get(versionKey(item.policyVersion.document, item.policyVersion.version))
        : null,
      noticeHash: item.noticeHash ?? null,
      channel: item.channel,
      locale: item.locale ?? null,
      ipTruncated: truncateIp(item.ip),
      userAgent: item.userAgent ?? null,
      gpc: item.gpc ?? false,
      guardianChallengeId: item.guardianChallengeId ?? null,
      source: "platform_api",
      occurredAt: item.occurredAt,
    }));
    const batch = await recordConsentBatch(tx, caller.orgId, events, audit);
    return {
      status: 200,
      body: {
        batchId: batch.batchId,
        merkleRoot: batch.merkleRoot,
        receipts: batch.receipts.map((r, index) => ({
          index,
          id: r.id,
          contentHash: r.contentHash,
        })),
      },
    };
  },
});

async function customerIdByRef(tx: Tx, orgId: string, externalRef: string): Promise<string> {
  const { rows } = await tx.execute<{ id: string }>(
    sql`select id from customers where org_id = ${orgId} and external_ref = ${externalRef} and status <> 'erased'`,
  );
  if (!rows[0])
    throw new ApiProblem(
      "notFound",
      "No customer with this externalRef (or the customer has been erased).",
    );
  return rows[0].id;
}

/** GET /customers/{ref}/consents: every purpose with the customer's current state (audited as a read of their data). */
export const getCustomerConsents = defineEndpoint({
  scope: "consent:read",
  run: async ({ caller, tx, params, audit }) => {
    const externalRef = params.externalRef ?? "";
    const customerId = await customerIdByRef(tx, caller.orgId, externalRef);
    const state = await consentStateOf(tx, caller.orgId, customerId);
    const versionIds = [
      ...new Set(state.flatMap((s) => (s.policyVersionId ? [s.policyVersionId] : []))),
    ];
    const versions =
      versionIds.length === 0
        ? []
        : (
            await tx.execute<{ id: string; slug: string; version: number }>(sql`
      select v.id, d.slug, v.version from policy_versions v join policy_documents d on d.org_id = v.org_id and d.id = v.document_id
      where v.org_id = ${caller.orgId} and v.id = any(${param(versionIds)}::uuid[])`)
          ).rows;
    const byId = new Map(
      versions.map((v) => [v.id, { id: v.id, document: v.slug, version: v.version }]),
    );
    await audit({
      action: "consent.read",
      targetType: "customer",
      targetId: customerId,
      details: { via: "api", purposes: state.length },
    });
    return {
      status: 200,
      body: {
        customerRef: externalRef,
        consents: state.map((s) => ({
          purpose: s.code,
          bases: s.bases,
          consentKind: s.consentKind,
          required: s.required,
          status: s.status,
          occurredAt: s.occurredAt,
          receiptId: s.receiptId,
          policyVersion: (s.policyVersionId && byId.get(s.policyVersionId)) || null,
          reconsentRequired: s.reconsentRequired,
          gpc: s.gpc,
          allowed: s.allowed,
          reason: s.reason,
          law: s.law,
          article: s.article,
        })),
      },
    };
  },
});

/** A check's answer, counted in pd_consent_checks_total (only answers to a key that passed reach here). */
function counted(decision: {
  allowed: boolean;
  reason: string;
  law: string | null;
  article: string | null;
}) {
  countConsentCheck(decision);
  return { status: 200, body: decision };
}

/** GET /customers/{ref}/consents/{purpose}/check: one statement on the pool with the key check, not audited (see `unaudited`). */
export const checkCustomerConsent = defineEndpoint({
  scope: "consent:read",
  unaudited: {
    reason:
      "called before every message the platform sends; the answer discloses no personal data and an audit event per call would flood the chain and serialise calls on its lock",
  },
  rateLimit: { bucket: "consent-check", perMinute: CHECKS_PER_MINUTE },
  read: (params) => {
    const parsed = consentPathParams.safeParse(params);
    if (!parsed.success) {
      const unknownPurpose = parsed.error.issues.some((i) => i.path[0] === "purpose");
      return {
        answer: () =>
          counted({
            allowed: false,
            reason: unknownPurpose ? "unknown_purpose" : "unknown_customer",
            law: null,
            article: null,
          }),
      };
    }
    return {
      statement: (org) => consentCheckCall(org, parsed.data.externalRef, parsed.data.purpose),
      answer: (row) => counted(decisionOf(row as ConsentCheckRow | undefined)),
    };
  },
});
