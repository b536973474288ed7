import { and, eq } from "drizzle-orm";
import {
  consentBatches,
  consentEvents,
  policyDocuments,
  policyVersions,
  purposes,
} from "@/db/schema";

/**
 * How a consent receipt (a `consent_events` row) reaches what it refers to, for every query that
 * reads receipts with their context (the explorer's receipt page, a customer's export).
 */
export const receiptJoins = {
  purpose: and(eq(purposes.orgId, consentEvents.orgId), eq(purposes.id, consentEvents.purposeId)),
  batch: and(
    eq(consentBatches.orgId, consentEvents.orgId),
    eq(consentBatches.id, consentEvents.batchId),
  ),
  policyVersion: and(
    eq(policyVersions.orgId, consentEvents.orgId),
    eq(policyVersions.id, consentEvents.policyVersionId),
  ),
  /** The version's document (after `policyVersion`). */
  policyDocument: and(
    eq(policyDocuments.orgId, policyVersions.orgId),
    eq(policyDocuments.id, policyVersions.documentId),
  ),
};
