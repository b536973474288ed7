import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ProgressBar } from "@/app/(console)/policies/[id]/acknowledgements/_components/progress-bar";
import { localized } from "@/lib/core/i18n/localized-text";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CalendarDay, EventTime } from "@/components/ui/event-time";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { TaskItem, TaskSection } from "@/components/ui/task-section";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import {
  acknowledgementProgress,
  myAcknowledgements,
  type AcknowledgementTask,
} from "@/lib/policies/acknowledgements";
import { reviewsAwaiting } from "@/lib/policies/reviews";
import { acknowledgementsToRecord, calendarYearsToEnter } from "@/lib/requests/tasks";
import { todayIso } from "@/lib/core/dates";
import { acceptancesAwaiting } from "@/lib/risks/queries";
import { findingsOwnedBy } from "@/lib/security-tests/queries";
import { passedClocksFor } from "@/lib/incidents/tasks";
import { auditFindingsOwnedBy } from "@/lib/compliance-audits/queries";
import { AuditFindingTasks } from "./_components/audit-finding-tasks";
import { escalatedTo, trainingTasksFor } from "@/lib/training/tasks";
import { TrainingTasks } from "./_components/training-tasks";
import { IncidentClockTasks } from "./_components/incident-clock-tasks";
import { IncidentTasks } from "./_components/incident-tasks";
import { incidentTasksOwnedBy } from "@/lib/incidents/response/tasks";
import { RequestTasks } from "./_components/request-tasks";
import { SecurityTasks } from "./_components/security-tasks";

export async function generateMetadata() {
  return { title: (await getTranslations("tasks"))("title") };
}

/**
 * Every member's own to-do list: request work (a calendar year to enter, requests to acknowledge by
 * other means), versions awaiting their review (four-eyes), the policies they must acknowledge;
 * with tracking rights, their team's progress too.
 */
export default async function TasksPage({
  searchParams,
}: {
  searchParams: Promise<{ notice?: string }>;
}) {
  const actor = await requirePage("policies.read");
  const tracks = can(actor.role, "acknowledgements.read");
  const [
    { pending, done },
    reviews,
    progress,
    calendarYears,
    acknowledgements,
    findings,
    acceptances,
    passedClocks,
    auditFindings,
    training,
    escalated,
    incidentTasks,
  ] = await withTenant(
    actor.orgId,
    async (tx) =>
      [
        await myAcknowledgements(tx, actor.orgId, actor.userId),
        await reviewsAwaiting(tx, actor.orgId, actor),
        tracks ? await acknowledgementProgress(tx, actor.orgId, actor) : [],
        await calendarYearsToEnter(tx, actor.orgId, actor),
        await acknowledgementsToRecord(tx, actor.orgId, actor),
        await findingsOwnedBy(tx, actor.orgId, actor.userId),
        await acceptancesAwaiting(tx, actor.orgId, actor),
        await passedClocksFor(tx, actor.orgId, actor),
        await auditFindingsOwnedBy(tx, actor.orgId, actor.userId),
        await trainingTasksFor(tx, actor.orgId, actor.userId),
        await escalatedTo(tx, actor.orgId, actor.userId),
        await incidentTasksOwnedBy(tx, actor.orgId, actor.userId),
      ] as const,
    actor.userId,
  );
  const [t, policies, locale, { notice }] = await Promise.all([
    getTranslations("tasks"),
    getTranslations("policies"),
    getLocale(),
    searchParams,
  ]);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {notice === "acknowledged" && (
        <Notice tone="success" className="mb-6">
          {t("acknowledged")}
        </Notice>
      )}
      <IncidentClockTasks tasks={passedClocks} />
      <AuditFindingTasks findings={auditFindings} today={todayIso()} />
      <IncidentTasks
        tasks={incidentTasks}
        today={todayIso()}
        linkIncidents={can(actor.role, "incidents.manage")}
      />
      <RequestTasks calendarYears={calendarYears} acknowledgements={acknowledgements} />
      <SecurityTasks
        findings={findings}
        acceptances={acceptances}
        linkFindings={can(actor.role, "security_tests.read")}
        today={todayIso()}
      />
      <TaskSection id="reviews" title={t("reviews")} count={reviews.length} testId="review-tasks">
        {reviews.map((review) => (
          <TaskItem
            key={review.versionId}
            title={localized(review.title, locale)}
            body={
              <>
                {t("versionLabel", { version: review.version })} ·{" "}
                {t("submittedBy", { name: review.authorName })}
                {review.submittedAt && (
                  <>
                    {" "}
                    · <EventTime iso={review.submittedAt} />
                  </>
                )}
              </>
            }
            action={
              <Link
                href={`/policies/${review.documentId}/versions/${review.versionId}`}
                className={buttonClass()}
              >
                {t("review")}
              </Link>
            }
          />
        ))}
      </TaskSection>
      <TrainingTasks tasks={training} escalated={escalated} today={todayIso()} />
      <TaskSection
        id="pending"
        title={t("pending")}
        count={pending.length}
        testId="pending-tasks"
        empty={<EmptyState title={t("nothingToDo")} body={t("nothingToDoBody")} />}
      >
        {pending.map((task) => (
          <TaskItem
            key={task.versionId}
            title={localized(task.title, locale)}
            body={<TaskVersion task={task} />}
            action={
              <Link href={`/tasks/policies/${task.documentId}`} className={buttonClass()}>
                {t("readAndAcknowledge")}
              </Link>
            }
          />
        ))}
      </TaskSection>
      <Card title={`${t("done")} (${done.length})`}>
        {done.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noneDone")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="done-tasks">
            {done.map((task) => (
              <li
                key={task.versionId}
                className="flex flex-wrap items-center justify-between gap-3 py-2"
              >
                <div className="min-w-0">
                  <Link
                    href={`/tasks/policies/${task.documentId}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {localized(task.title, locale)}
                  </Link>
                  <p className="text-sm text-slate-600">
                    <TaskVersion task={task} />
                  </p>
                </div>
                <span className="text-sm text-slate-600">
                  {t("acknowledgedAt")}:{" "}
                  {task.acknowledgedAt && <EventTime iso={task.acknowledgedAt} />}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {tracks && (
        <Card title={actor.role === "manager" ? t("team") : t("teamOrganisation")} className="mt-6">
          {progress.length === 0 ? (
            <p className="text-sm text-slate-500">{t("teamNone")}</p>
          ) : (
            <ul className="space-y-4">
              {progress.map((p) => (
                <li key={p.documentId} className="space-y-1">
                  <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                    <Link
                      href={`/policies/${p.documentId}/acknowledgements`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {localized(p.title, locale)}
                    </Link>
                    <span className="text-slate-600 tabular-nums">
                      {policies("acknowledgements.progress", {
                        acknowledged: p.acknowledged,
                        total: p.total,
                        version: p.version,
                      })}
                    </span>
                  </div>
                  <ProgressBar value={p.acknowledged} max={p.total} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </>
  );
}

/** A policy task's version and the day it takes effect. */
async function TaskVersion({ task }: { task: AcknowledgementTask }) {
  const t = await getTranslations("tasks");
  return (
    <>
      {t("versionLabel", { version: task.version })} · {t("effective")}{" "}
      <CalendarDay iso={task.effectiveOn} />
    </>
  );
}
