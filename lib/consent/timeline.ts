import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { consentEvents, policyVersions, purposes, users } from "@/db/schema";

/** How many receipts the customer page lists; the evidence export has them all. */
export const TIMELINE_LIMIT = 200;

/** The customer's receipts, newest decision first: a range of consent_events_customer_idx. */
export async function customerReceipts(
  tx: Tx,
  orgId: string,
  customerId: string,
  limit = TIMELINE_LIMIT,
) {
  return tx
    .select({
      id: consentEvents.id,
      occurredAt: consentEvents.occurredAt,
      recordedAt: consentEvents.recordedAt,
      purposeCode: purposes.code,
      purposeName: purposes.name,
      action: consentEvents.action,
      channel: consentEvents.channel,
      source: consentEvents.source,
      gpc: consentEvents.gpc,
      byGuardian: consentEvents.byGuardian,
      policyVersion: policyVersions.version,
      staffName: users.name,
    })
    .from(consentEvents)
    .innerJoin(
      purposes,
      and(eq(purposes.orgId, consentEvents.orgId), eq(purposes.id, consentEvents.purposeId)),
    )
    .leftJoin(
      policyVersions,
      and(
        eq(policyVersions.orgId, consentEvents.orgId),
        eq(policyVersions.id, consentEvents.policyVersionId),
      ),
    )
    .leftJoin(users, eq(users.id, consentEvents.staffUserId))
    .where(and(eq(consentEvents.orgId, orgId), eq(consentEvents.customerId, customerId)))
    .orderBy(desc(consentEvents.occurredAt), desc(consentEvents.recordedAt), desc(consentEvents.id))
    .limit(limit);
}
