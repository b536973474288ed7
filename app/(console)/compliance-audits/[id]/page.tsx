import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { StepForm } from "@/components/forms/step-form";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RecordTable } from "@/components/ui/record-table";
import { withTenant } from "@/db/tenant";
import {
  checklistOf,
  evidenceOf,
  findingsOfAudit,
  getAudit,
} from "@/lib/compliance-audits/queries";
import { isId } from "@/lib/compliance-audits/schemas";
import { controlById } from "@/lib/controls/catalogue";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { todayIso } from "@/lib/core/dates";
import { departmentOptions } from "@/lib/departments/queries";
import { requirementVersion } from "@/lib/requirements/versions";
import { membersWithDepartment } from "@/lib/users/member-departments";
import { ControlStatusBadge, EvidenceFigure } from "../../compliance/_components/control-status";
import { EvidenceDetails } from "../../compliance/_components/evidence-details";
import { FindingsTable } from "../_components/findings-table";
import { ChecklistRowForm } from "./_components/checklist-row-form";
import { AuditFindingForm } from "./_components/finding-form";
import { checklistItemAction, createAuditFindingAction, stepAuditAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("compliance_audits.read");
  const { id } = await params;
  const audit = isId(id)
    ? await withTenant(actor.orgId, (tx) => getAudit(tx, actor.orgId, id), actor.userId)
    : undefined;
  return { title: audit?.title ?? (await getTranslations("complianceAudits"))("title") };
}

/** An audit: its criteria as a checklist, the controls' evidence taken when it started, its findings and report. */
export default async function AuditPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("compliance_audits.read");
  const { id } = await params;
  if (!isId(id)) notFound();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const manages = can(actor.role, "compliance_audits.manage");
  const [t, tc] = await Promise.all([
    getTranslations("complianceAudits"),
    getTranslations("controls"),
  ]);
  const data = await withTenant(
    actor.orgId,
    async (tx) => {
      const audit = await getAudit(tx, actor.orgId, id);
      if (!audit) return undefined;
      return {
        audit,
        checklist: await checklistOf(tx, actor.orgId, id),
        evidence: await evidenceOf(tx, actor.orgId, id),
        findings: await findingsOfAudit(tx, actor.orgId, id),
        departments: manages ? await departmentOptions(tx, actor.orgId) : [],
        members: manages ? await membersWithDepartment(tx, actor.orgId) : [],
      };
    },
    actor.userId,
  );
  if (!data) notFound();
  const { audit, checklist, evidence, findings } = data;
  const running = audit.status === "in_progress";
  const label = (key: string, version: number) => {
    const req = requirementVersion(key, version);
    return req ? `${req.law} ${req.article} ${req.title[locale]}` : key;
  };

  return (
    <>
      <PageHeader
        title={audit.title}
        description={audit.scope}
        actions={
          <>
            {can(actor.role, "compliance_audits.export") && (
              <a
                href={`/compliance-audits/${audit.id}/report`}
                className={buttonClass("secondary")}
              >
                {t("report.download")}
              </a>
            )}
            {can(actor.role, "compliance_audits.export") && (
              <a
                href={`/compliance-audits/${audit.id}/report?format=csv`}
                className={buttonClass("secondary")}
              >
                {t("report.downloadCsv")}
              </a>
            )}
            <Link href="/compliance-audits" className={buttonClass("secondary")}>
              {t("back")}
            </Link>
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t("summary")} className="lg:col-span-2">
          <dl
            className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm"
            data-testid="audit-summary"
          >
            <dt className="text-slate-500">{t("fields.status")}</dt>
            <dd>
              <Badge tone={audit.status === "completed" ? "green" : running ? "blue" : "neutral"}>
                {t(`statuses.${audit.status}`)}
              </Badge>
            </dd>
            <dt className="text-slate-500">{t("fields.kind")}</dt>
            <dd>
              {t(`kinds.${audit.kind}`)}
              {audit.regulatorOrder && ` · ${audit.regulatorOrder}`}
            </dd>
            <dt className="text-slate-500">{t("fields.laws")}</dt>
            <dd>{audit.laws.join(", ")}</dd>
            <dt className="text-slate-500">{t("fields.auditor")}</dt>
            <dd>
              {audit.auditorName} ({t(`auditorTypes.${audit.auditorType}`)})
            </dd>
            <dt className="text-slate-500">{t("fields.planned")}</dt>
            <dd className="tabular-nums">
              {audit.plannedStart} – {audit.plannedEnd}
            </dd>
            <dt className="text-slate-500">{t("fields.actual")}</dt>
            <dd className="tabular-nums">
              {audit.actualStart ?? "…"} – {audit.actualEnd ?? "…"}
            </dd>
            {audit.conclusion && (
              <>
                <dt className="text-slate-500">{t("fields.conclusion")}</dt>
                <dd className="whitespace-pre-line">{audit.conclusion}</dd>
              </>
            )}
          </dl>
        </Card>
        {manages && audit.status !== "completed" && (
          <Card title={t("step.title")}>
            {audit.status === "planned" ? (
              <>
                <p className="mb-3 text-sm text-slate-600">{t("step.startBody")}</p>
                <ActionButton
                  action={stepAuditAction}
                  fields={{ auditId: audit.id, step: "start" }}
                  label={t("step.start")}
                  pendingLabel={t("saving")}
                />
              </>
            ) : (
              <StepForm
                action={stepAuditAction}
                fields={{ auditId: audit.id, step: "complete" }}
                note={{ name: "conclusion", label: t("fields.conclusion"), required: true }}
                submitLabel={t("step.complete")}
                pendingLabel={t("saving")}
              />
            )}
          </Card>
        )}
      </div>

      <Card title={t("evidence.title")} className="mt-4">
        {evidence.length === 0 ? (
          <p className="text-sm text-slate-500">{t("evidence.notYet")}</p>
        ) : (
          <RecordTable
            variant="inset"
            caption={t("evidence.title")}
            rows={evidence}
            rowKey={(e) => e.controlId}
            rowTestId={(e) => `evidence-${e.controlId}`}
            columns={[
              {
                header: tc("control"),
                rowHeader: true,
                cell: (e) => (
                  <Link
                    href={`/compliance/controls/${e.controlId}`}
                    className="text-brand-700 hover:underline"
                  >
                    {controlById(e.controlId)?.title[locale] ?? e.controlId}
                  </Link>
                ),
              },
              { header: tc("statusLabel"), cell: (e) => <ControlStatusBadge status={e.status} /> },
              {
                header: tc("figure"),
                cell: (e) => <EvidenceFigure numerator={e.numerator} denominator={e.denominator} />,
              },
              { header: tc("details"), cell: (e) => <EvidenceDetails details={e.details} /> },
            ]}
          />
        )}
        {evidence[0] && (
          <p className="mt-2 text-xs text-slate-500">
            {t("evidence.takenAt", {
              at: evidence[0].takenAt.toISOString().slice(0, 16).replace("T", " "),
            })}
          </p>
        )}
      </Card>

      <Card title={t("findings.title")} className="mt-4">
        <FindingsTable rows={findings} caption={t("findings.title")} />
        {manages && running && (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <h3 className="mb-3 text-sm font-semibold text-slate-800">{t("finding.add")}</h3>
            <AuditFindingForm
              action={createAuditFindingAction}
              auditId={audit.id}
              requirements={checklist.map((c) => ({
                value: c.requirementKey,
                label: label(c.requirementKey, c.requirementVersion),
              }))}
              departments={data.departments.map((d) => ({ value: d.id, label: d.name }))}
              members={data.members.map((m) => ({
                value: m.userId,
                label: m.department ? `${m.name} · ${m.department}` : m.name,
              }))}
              today={todayIso()}
            />
          </div>
        )}
      </Card>

      <Card title={t("checklist.title")} className="mt-4">
        <RecordTable
          variant="inset"
          caption={t("checklist.title")}
          rows={checklist}
          rowKey={(c) => c.id}
          rowTestId={(c) => `checklist-${c.requirementKey}`}
          columns={[
            {
              header: t("checklist.requirement"),
              rowHeader: true,
              cell: (c) => label(c.requirementKey, c.requirementVersion),
            },
            {
              header: t("checklist.result"),
              cell: (c) =>
                manages && running ? (
                  <ChecklistRowForm
                    action={checklistItemAction}
                    auditId={audit.id}
                    itemId={c.id}
                    label={label(c.requirementKey, c.requirementVersion)}
                    result={c.result}
                    note={c.note}
                  />
                ) : (
                  <span>
                    {t(`checklist.results.${c.result}`)}
                    {c.note && <span className="text-slate-500"> · {c.note}</span>}
                  </span>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
