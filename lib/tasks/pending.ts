import "server-only";
import type { Tx } from "@/db/client";
import type { Role } from "@/db/schema";
import { auditFindingsOwnedBy } from "@/lib/compliance-audits/queries";
import { passedClocksFor } from "@/lib/incidents/tasks";
import { incidentTasksOwnedBy } from "@/lib/incidents/response/tasks";
import { myAcknowledgements } from "@/lib/policies/acknowledgements";
import { reviewsAwaiting } from "@/lib/policies/reviews";
import { requestTaskCount } from "@/lib/requests/tasks";
import { acceptancesAwaiting } from "@/lib/risks/queries";
import { findingsOwnedBy } from "@/lib/security-tests/queries";
import { escalatedTo, trainingTasksFor } from "@/lib/training/tasks";

/**
 * What waits for this person under My tasks: policies to acknowledge, versions to review, and
 * request work (a year's working calendar to enter, requests to acknowledge by other means),
 * security findings they own still being remediated, risk acceptances they may approve, courses
 * they must complete and, for a department head, colleagues' courses escalated to them.
 * The navigation shows the count; the tasks page lists them.
 */
export async function pendingTaskCount(
  tx: Tx,
  orgId: string,
  viewer: { userId: string; role: Role },
): Promise<number> {
  const { pending } = await myAcknowledgements(tx, orgId, viewer.userId);
  return (
    pending.length +
    (await reviewsAwaiting(tx, orgId, viewer)).length +
    (await requestTaskCount(tx, orgId, viewer)) +
    (await findingsOwnedBy(tx, orgId, viewer.userId)).length +
    (await acceptancesAwaiting(tx, orgId, viewer)).length +
    (await passedClocksFor(tx, orgId, viewer)).length +
    (await auditFindingsOwnedBy(tx, orgId, viewer.userId)).length +
    (await trainingTasksFor(tx, orgId, viewer.userId)).length +
    (await escalatedTo(tx, orgId, viewer.userId)).length +
    (await incidentTasksOwnedBy(tx, orgId, viewer.userId)).length
  );
}
