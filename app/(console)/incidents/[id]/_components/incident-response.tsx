import { asc, eq } from "drizzle-orm";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { risks as riskTable } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import type { Actor } from "@/lib/core/auth/actor";
import { can } from "@/lib/core/authz/permissions";
import type { Incident } from "@/lib/incidents/queries";
import { reportKindsFor, reportsOf } from "@/lib/incidents/response/reports";
import { reviewOf } from "@/lib/incidents/response/review";
import { tasksOfIncident } from "@/lib/incidents/response/tasks";
import { incidentTimeline } from "@/lib/incidents/response/timeline";
import { openStatuses } from "@/lib/incidents/transitions";
import { memberOptions } from "@/lib/users/queries";
import { RegulatorReports } from "./regulator-reports";
import { ReviewForm } from "./review-form";
import { TaskForm } from "./task-form";
import { TaskStatusForm } from "./task-status-form";
import { IncidentTimeline } from "./incident-timeline";
import { TimelineEntryForm } from "./timeline-entry-form";

/** The incident's response: reports to regulators, tasks, the timeline and the review. */
export async function IncidentResponse({ incident, actor }: { incident: Incident; actor: Actor }) {
  const manages = can(actor.role, "incidents.manage");
  const records = can(actor.role, "incidentRecords.read");
  const open = openStatuses.includes(incident.status);
  const data = await withTenant(
    actor.orgId,
    async (tx) => ({
      reports: records ? await reportsOf({ tx, orgId: actor.orgId }, incident.id) : [],
      tasks: await tasksOfIncident(tx, actor.orgId, incident.id),
      timeline: await incidentTimeline(tx, actor.orgId, incident),
      review: await reviewOf(tx, actor.orgId, incident.id),
      members: manages && open ? await memberOptions(tx, actor.orgId) : [],
      risks:
        manages && open
          ? await tx
              .select({ id: riskTable.id, title: riskTable.title })
              .from(riskTable)
              .where(eq(riskTable.orgId, actor.orgId))
              .orderBy(asc(riskTable.title))
              .limit(500)
          : [],
    }),
    actor.userId,
  );
  const t = await getTranslations("incidentResponse");
  return (
    <>
      {records && (
        <RegulatorReports
          incidentId={incident.id}
          kinds={reportKindsFor(incident.classification)}
          reports={data.reports}
          canManage={manages && open}
        />
      )}
      <Card title={t("tasks.title")}>
        {data.tasks.length === 0 ? (
          <p className="text-sm text-slate-500">{t("tasks.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="incident-tasks">
            {data.tasks.map((task) => (
              <li key={task.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <div className="min-w-0 text-sm">
                  <p className="font-medium text-slate-900">
                    {task.title}{" "}
                    {task.fromReview && <Badge tone="blue">{t("tasks.fromReview")}</Badge>}
                  </p>
                  <p className="text-slate-600">
                    {task.ownerName} · {t("tasks.dueOn")}{" "}
                    <span className="tabular-nums">{task.dueOn}</span>
                  </p>
                </div>
                {manages || task.ownerId === actor.userId ? (
                  <TaskStatusForm taskId={task.id} status={task.status} />
                ) : (
                  <Badge>{t(`tasks.statuses.${task.status}`)}</Badge>
                )}
              </li>
            ))}
          </ul>
        )}
        {manages && open && <TaskForm incidentId={incident.id} members={data.members} />}
      </Card>
      <Card title={t("timeline.title")}>
        <IncidentTimeline incidentId={incident.id} items={data.timeline} evidenceLinks={records} />
        {manages && <TimelineEntryForm incidentId={incident.id} />}
      </Card>
      <Card title={t("review.title")}>
        <p className="mb-3 text-sm text-slate-600">{t("review.description")}</p>
        {data.review ? (
          <p className="mb-3 text-sm text-emerald-700" data-testid="review-done">
            {t("review.completedBy", {
              name: data.review.by,
              at: data.review.updatedAt.toISOString().slice(0, 10),
            })}
          </p>
        ) : (
          <p className="mb-3 text-sm text-amber-700">{t("review.missing")}</p>
        )}
        {manages && open && (
          <ReviewForm incidentId={incident.id} review={data.review} risks={data.risks} />
        )}
      </Card>
    </>
  );
}
