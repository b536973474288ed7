import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/core/i18n/localized-text";
import { FindingsTable } from "@/app/(console)/compliance-audits/_components/findings-table";
import { Card } from "@/components/ui/card";
import { RecordTable } from "@/components/ui/record-table";
import type { DepartmentOverview as Overview } from "@/lib/departments/overview";

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
      {hint && <dd className="mt-1 text-xs text-red-700">{hint}</dd>}
    </div>
  );
}

const percent = (n: number, of: number) => (of === 0 ? "—" : `${Math.floor((n / of) * 100)}%`);

/** The department's people and what is open for them: acknowledgements, requests, incidents, audit findings. */
export async function DepartmentOverview({
  overview,
  today,
}: {
  overview: Overview;
  today: string;
}) {
  const [t, common, requests, incidents, locale] = await Promise.all([
    getTranslations("departments"),
    getTranslations("common"),
    getTranslations("requests"),
    getTranslations("incidents"),
    getLocale(),
  ]);
  const overdue = overview.findings.filter((f) => f.dueOn < today).length;
  const assigned = overview.training.reduce((n, c) => n + c.assigned, 0);
  const completed = overview.training.reduce((n, c) => n + c.completed, 0);
  return (
    <div className="space-y-4">
      <dl className="grid gap-3 sm:grid-cols-5" data-testid="department-kpis">
        <Figure
          label={t("overview.kpiTraining")}
          value={percent(completed, assigned)}
          hint={
            overview.trainingOverdue.length > 0
              ? t("overview.trainingOverdueCount", { count: overview.trainingOverdue.length })
              : undefined
          }
        />
        <Figure
          label={t("overview.kpiAcknowledged")}
          value={percent(
            overview.acknowledgements.acknowledged,
            overview.acknowledgements.required,
          )}
        />
        <Figure label={t("overview.kpiRequests")} value={String(overview.requests.length)} />
        <Figure label={t("overview.kpiIncidents")} value={String(overview.incidents.length)} />
        <Figure
          label={t("overview.kpiFindings")}
          value={String(overview.findings.length)}
          hint={overdue > 0 ? t("overview.overdueFindings", { count: overdue }) : undefined}
        />
      </dl>
      <Card title={t("team")}>
        <RecordTable
          variant="inset"
          caption={t("team")}
          rows={overview.people}
          rowKey={(p) => p.userId}
          testId="department-team"
          empty={{ title: t("teamEmpty") }}
          columns={[
            { header: t("overview.person"), rowHeader: true, cell: (p) => p.name },
            { header: t("overview.role"), cell: (p) => common(`roles.${p.role}`) },
            {
              header: t("overview.acknowledgements"),
              cell: (p) =>
                p.required === 0
                  ? "—"
                  : t("overview.ackCount", { done: p.acknowledged, of: p.required }),
              className: "tabular-nums",
            },
            { header: t("overview.openRequests"), cell: (p) => p.openRequests, align: "right" },
          ]}
        />
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("overview.training")}>
          <RecordTable
            variant="inset"
            caption={t("overview.training")}
            rows={overview.training}
            rowKey={(c) => c.courseId}
            testId="department-training"
            empty={{ title: t("overview.noTraining") }}
            columns={[
              {
                header: t("overview.course"),
                rowHeader: true,
                cell: (c) => localized(c.courseTitle, locale),
              },
              {
                header: t("overview.completed"),
                cell: (c) => `${c.completed}/${c.assigned} (${percent(c.completed, c.assigned)})`,
                className: "tabular-nums",
              },
              { header: t("overview.overdue"), cell: (c) => c.overdue, align: "right" },
            ]}
          />
        </Card>
        <Card title={t("overview.trainingOverdue")}>
          <RecordTable
            variant="inset"
            caption={t("overview.trainingOverdue")}
            rows={overview.trainingOverdue}
            rowKey={(o) => `${o.userId}:${o.courseId}`}
            testId="department-training-overdue"
            empty={{ title: t("overview.noTrainingOverdue") }}
            columns={[
              { header: t("overview.person"), rowHeader: true, cell: (o) => o.name },
              { header: t("overview.course"), cell: (o) => localized(o.courseTitle, locale) },
              {
                header: t("overview.dueOn"),
                cell: (o) => <span className="text-red-700">{o.dueOn}</span>,
                className: "tabular-nums",
              },
            ]}
          />
        </Card>
      </div>
      <Card title={t("overview.documents")}>
        <RecordTable
          variant="inset"
          caption={t("overview.documents")}
          rows={overview.documents}
          rowKey={(d) => d.documentId}
          testId="department-acknowledgements"
          empty={{ title: t("overview.noDocuments") }}
          columns={[
            {
              header: t("overview.document"),
              rowHeader: true,
              cell: (d) => `${localized(d.title, locale)} · v${d.version}`,
            },
            {
              header: t("overview.acknowledged"),
              cell: (d) =>
                `${d.acknowledged}/${d.required} (${percent(d.acknowledged, d.required)})`,
              className: "tabular-nums",
            },
          ]}
        />
      </Card>
      <Card title={t("overview.findings")}>
        <FindingsTable
          rows={overview.findings}
          caption={t("overview.findings")}
          testId="department-findings"
        />
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("overview.requests")}>
          <RecordTable
            variant="inset"
            dense
            caption={t("overview.requests")}
            rows={overview.requests}
            rowKey={(r) => r.id}
            testId="department-requests"
            empty={{ title: t("overview.noRequests") }}
            columns={[
              {
                header: t("overview.reference"),
                rowHeader: true,
                cell: (r) => (
                  <Link href={`/requests/${r.id}`} className="text-brand-700 hover:underline">
                    {r.reference}
                  </Link>
                ),
              },
              { header: t("overview.type"), cell: (r) => requests(`type.${r.type}` as never) },
              { header: t("overview.owner"), cell: (r) => r.assignee },
              {
                header: t("overview.dueOn"),
                cell: (r) => (
                  <span className={r.dueOn && r.dueOn < today ? "text-red-700" : undefined}>
                    {r.dueOn ?? "—"}
                  </span>
                ),
                className: "tabular-nums",
              },
            ]}
          />
        </Card>
        <Card title={t("overview.incidents")}>
          <RecordTable
            variant="inset"
            dense
            caption={t("overview.incidents")}
            rows={overview.incidents}
            rowKey={(i) => i.id}
            testId="department-incidents"
            empty={{ title: t("overview.noIncidents") }}
            columns={[
              {
                header: t("overview.reference"),
                rowHeader: true,
                cell: (i) => (
                  <Link href={`/incidents/${i.id}`} className="text-brand-700 hover:underline">
                    {i.reference}
                  </Link>
                ),
              },
              { header: t("overview.summary"), cell: (i) => i.summary },
              {
                header: t("overview.status"),
                cell: (i) => incidents(`status.${i.status}` as never),
              },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
