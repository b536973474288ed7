import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { incidentClockAlerts, incidentClockMarks, incidents, type Role } from "@/db/schema";
import { can } from "@/lib/core/authz/permissions";
import { openStatuses } from "./transitions";

export interface PassedClockTask {
  incidentId: string;
  reference: string;
  ruleKey: string;
  dueAt: Date;
}

/**
 * Clocks the alert job found passed and nobody has recorded since: the console's notice to the
 * incident's assignee and every privacy officer, under My tasks, until the clock is recorded.
 */
export async function passedClocksFor(
  tx: Tx,
  orgId: string,
  viewer: { userId: string; role: Role },
): Promise<PassedClockTask[]> {
  const manages = can(viewer.role, "incidents.manage");
  return tx
    .select({
      incidentId: incidents.id,
      reference: incidents.reference,
      ruleKey: incidentClockAlerts.ruleKey,
      dueAt: incidentClockAlerts.dueAt,
    })
    .from(incidentClockAlerts)
    .innerJoin(
      incidents,
      and(
        eq(incidents.orgId, incidentClockAlerts.orgId),
        eq(incidents.id, incidentClockAlerts.incidentId),
      ),
    )
    .leftJoin(
      incidentClockMarks,
      and(
        eq(incidentClockMarks.orgId, incidentClockAlerts.orgId),
        eq(incidentClockMarks.incidentId, incidentClockAlerts.incidentId),
        eq(incidentClockMarks.ruleKey, incidentClockAlerts.ruleKey),
      ),
    )
    .where(
      and(
        eq(incidentClockAlerts.orgId, orgId),
        inArray(incidents.status, [...openStatuses]),
        isNull(incidentClockMarks.id),
        manages ? undefined : eq(incidents.assigneeId, viewer.userId),
      ),
    )
    .orderBy(asc(incidentClockAlerts.dueAt));
}
