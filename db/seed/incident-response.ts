import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { incidents, memberships } from "@/db/schema";
import { addDays, todayIso } from "@/lib/core/dates";
import { tenantContext } from "@/lib/core/tenancy/context";
import { addIncidentTask } from "@/lib/incidents/response/tasks";
import { addTimelineEntry } from "@/lib/incidents/response/timeline";

const HOUR = 3_600_000;

/**
 * The demo incident's response so far: the courier's confirmation on its timeline and a task
 * for the reporter (it shows on their My tasks).
 */
export async function seedIncidentResponse(
  tx: Tx,
  orgId: string,
  size: "full" | "few",
): Promise<void> {
  if (size !== "full") return;
  const [incident] = await tx
    .select({ id: incidents.id, reportedBy: incidents.reportedBy })
    .from(incidents)
    .where(and(eq(incidents.orgId, orgId), eq(incidents.classification, "pi_breach")))
    .orderBy(asc(incidents.createdAt))
    .limit(1);
  if (!incident) return;
  // Entries and tasks name the person who made them: the demo's privacy officer.
  const [officer] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "privacy_officer")))
    .limit(1);
  if (!officer) return;
  const ctx = tenantContext(tx, orgId, { type: "user", id: officer.userId });
  await addTimelineEntry(ctx, {
    incidentId: incident.id,
    instant: new Date(Date.now() - HOUR),
    note: "物流方书面确认已关闭调试日志，并删除近 30 天的日志文件。",
    file: {
      name: "物流方确认函.txt",
      bytes: new TextEncoder().encode(
        "我方已于今日关闭物流接口调试日志，并删除近 30 天日志文件。——物流服务商运维部\n",
      ),
    },
  });
  await addIncidentTask(ctx, {
    incidentId: incident.id,
    title: "核查物流接口其余日志是否含完整手机号",
    ownerId: incident.reportedBy,
    dueOn: addDays(todayIso(), 3),
    fromReview: false,
  });
}
