import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { dataSubjectRequests } from "@/db/schema";
import { openStatuses } from "./transitions";

const r = dataSubjectRequests;

/** Open requests assigned to any of these people, by due day: a department's request work. */
export async function openRequestsAssignedTo(tx: Tx, orgId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return tx
    .select({
      id: r.id,
      reference: r.reference,
      type: r.type,
      status: r.status,
      dueOn: r.dueOn,
      assigneeId: r.assigneeId,
    })
    .from(r)
    .where(
      and(eq(r.orgId, orgId), inArray(r.status, [...openStatuses]), inArray(r.assigneeId, userIds)),
    )
    .orderBy(asc(r.dueOn), asc(r.id))
    .limit(200);
}
