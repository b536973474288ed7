import "server-only";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { consentEvents, consentState, policyVersions, purposes, users } from "@/db/schema";

/** How many receipts the customer page lists; the evidence export has them all. */
export const TIMELINE_LIMIT = 200;

/**
 * Every purpose in the catalogue with this customer's current state (none yet, granted, denied,
 * withdrawn). A grant older than the purpose's `reconsent_since` needs to be given again.
 */
export async function customerConsentState(tx: Tx, orgId: string, customerId: string) {
  const rows = await tx.select({
    purposeId: purposes.id,
    code: purposes.code,
    name: purposes.name,
    kind: purposes.consentKind,
    required: purposes.required,
    reconsentSince: purposes.reconsentSince,
    status: consentState.status,
    occurredAt: consentState.occurredAt,
    eventId: consentState.eventId,
    gpc: consentState.gpc,
  }).from(purposes)
    .leftJoin(consentState, and(eq(consentState.orgId, purposes.orgId), eq(consentState.purposeId, purposes.id), eq(consentState.customerId, customerId)))
    .where(and(eq(purposes.orgId, orgId), isNull(purposes.archivedAt)))
    .orderBy(asc(purposes.code));
  return rows.map(({ reconsentSince, ...row }) => ({
    ...row,
    reconsentRequired: row.status === "granted" && reconsentSince !== null && row.occurredAt !== null && new Date(row.occurredAt) < reconsentSince,
  }));
}

export type CustomerConsentRow = Awaited<ReturnType<typeof customerConsentState>>[number];

/** The customer's receipts, newest decision first: a range of consent_events_customer_idx. */
export async function customerReceipts(tx: Tx, orgId: string, customerId: string, limit = TIMELINE_LIMIT) {
  return tx.select({
    id: consentEvents.id,
    occurredAt: consentEvents.occurredAt,
    recordedAt: consentEvents.recordedAt,
    purposeCode: purposes.code,
    purposeName: purposes.name,
    action: consentEvents.action,
    channel: consentEvents.channel,
    source: consentEvents.source,
    gpc: consentEvents.gpc,
    policyVersion: policyVersions.version,
    staffName: users.name,
  }).from(consentEvents)
    .innerJoin(purposes, and(eq(purposes.orgId, consentEvents.orgId), eq(purposes.id, consentEvents.purposeId)))
    .leftJoin(policyVersions, and(eq(policyVersions.orgId, consentEvents.orgId), eq(policyVersions.id, consentEvents.policyVersionId)))
    .leftJoin(users, eq(users.id, consentEvents.staffUserId))
    .where(and(eq(consentEvents.orgId, orgId), eq(consentEvents.customerId, customerId)))
    .orderBy(desc(consentEvents.occurredAt), desc(consentEvents.recordedAt), desc(consentEvents.id))
    .limit(limit);
}

export type TimelineRow = Awaited<ReturnType<typeof customerReceipts>>[number];
