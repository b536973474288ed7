import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { PageHeader } from "@/components/ui/page-header";
import { RecordTable } from "@/components/ui/record-table";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { todayIso } from "@/lib/core/dates";
import { remediationPeriods } from "@/lib/security-tests/periods";
import { findingsOf, getAssessment } from "@/lib/security-tests/queries";
import { isId } from "@/lib/security-tests/schemas";
import { ownerScopeOf } from "@/lib/users/department-scope";
import { memberOptions } from "@/lib/users/queries";
import { DueOn, FindingStatusBadge, PriorityBadge } from "../_components/finding-badges";
import { FindingForm } from "./_components/finding-form";
import { ReportUpload } from "./_components/report-upload";
import { createFindingAction, uploadReportAction } from "./actions";
import { CalendarDay } from "@/components/ui/event-time";

export async function generateMetadata() {
  return { title: (await getTranslations("securityTests"))("title") };
}

export default async function AssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("security_tests.read");
  const { id } = await params;
  if (!isId(id)) notFound();
  const manages = can(actor.role, "security_tests.manage");
  const data = await withTenant(
    actor.orgId,
    async (tx) => {
      const scope = await ownerScopeOf(tx, actor.orgId, actor);
      const assessment = await getAssessment(tx, actor.orgId, id);
      if (!assessment) return undefined;
      const findings = await findingsOf(tx, actor.orgId, id, scope);
      // A manager reaches an assessment only through a finding their department owns.
      if (!scope.all && findings.length === 0) return undefined;
      return {
        assessment,
        findings,
        members: manages ? await memberOptions(tx, actor.orgId) : [],
        periods: await remediationPeriods(tx, actor.orgId),
      };
    },
    actor.userId,
  );
  if (!data) notFound();
  const { assessment, findings } = data;
  const t = await getTranslations("securityTests");
  const today = todayIso();

  return (
    <>
      <Link
        href="/security-tests"
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800"
      >
        ← {t("backToList")}
      </Link>
      <PageHeader title={assessment.title} description={t(`kinds.${assessment.kind}`)} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("assessment.details")} className="lg:col-span-2">
          <Facts
            columns={2}
            items={[
              {
                label: t("assessment.tester"),
                value: (
                  <Link
                    href={`/vendors/${assessment.testerVendorId}`}
                    className="text-brand-700 hover:underline"
                  >
                    {assessment.tester}
                  </Link>
                ),
              },
              {
                label: t("assessment.dates"),
                value: (
                  <span className="tabular-nums">
                    <CalendarDay iso={assessment.startedOn} /> –{" "}
                    {assessment.endedOn ? <CalendarDay iso={assessment.endedOn} /> : "…"}
                  </span>
                ),
              },
              {
                label: t("assessment.scope"),
                value: <span className="whitespace-pre-line">{assessment.scope}</span>,
                wide: true,
              },
            ]}
          />
        </Card>
        <Card title={t("report.title")}>
          <div className="space-y-4 text-sm">
            {assessment.report ? (
              <p data-testid="report-file">
                {can(actor.role, "security_tests.export") ? (
                  <a
                    href={`/security-tests/${id}/report`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {assessment.report.fileName}
                  </a>
                ) : (
                  <span>{assessment.report.fileName}</span>
                )}
                <span className="block text-xs text-slate-500">
                  {t("report.meta", {
                    kind: t(`fileKinds.${assessment.report.kind}`),
                    kb: Math.ceil(assessment.report.size / 1024),
                  })}
                </span>
              </p>
            ) : (
              <p className="text-slate-500">{t("report.none")}</p>
            )}
            {manages && <ReportUpload action={uploadReportAction} assessmentId={id} />}
          </div>
        </Card>
      </div>
      <section aria-labelledby="findings-heading" className="mt-6">
        <h2 id="findings-heading" className="mb-2 text-base font-semibold text-slate-900">
          {t("findings")} ({findings.length})
        </h2>
        <RecordTable
          variant="panel"
          labelledBy="findings-heading"
          empty={{ title: t("noFindings") }}
          rows={findings}
          rowKey={(row) => row.id}
          rowTestId={() => "finding-row"}
          columns={[
            {
              header: t("finding.title"),
              rowHeader: true,
              cell: (row) => (
                <Link
                  href={`/security-tests/findings/${row.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {row.title}
                </Link>
              ),
            },
            {
              header: t("finding.priority"),
              cell: (row) => <PriorityBadge priority={row.priority} />,
            },
            {
              header: t("finding.cvss"),
              cell: (row) => row.cvssScore ?? "—",
              className: "tabular-nums",
            },
            { header: t("finding.owner"), cell: (row) => row.owner },
            {
              header: t("finding.status"),
              cell: (row) => <FindingStatusBadge status={row.status} />,
            },
            { header: t("finding.dueOn"), cell: (row) => <DueOn finding={row} today={today} /> },
          ]}
        />
      </section>
      {manages && (
        <Card title={t("finding.new")} className="mt-6">
          <FindingForm
            action={createFindingAction}
            assessmentId={id}
            members={data.members}
            periods={data.periods}
            today={today}
          />
        </Card>
      )}
      {manages && (
        <p className="mt-3 text-xs text-slate-500">
          <Link href="/security-tests/settings" className={buttonClass("ghost", "sm")}>
            {t("periods.title")} →
          </Link>
        </p>
      )}
    </>
  );
}
