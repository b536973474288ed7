import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StepForm } from "@/components/forms/step-form";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { maySeeFinding } from "@/lib/compliance-audits/finding-access";
import { getAuditFinding } from "@/lib/compliance-audits/queries";
import { isId } from "@/lib/compliance-audits/schemas";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { stepAuditFindingAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("complianceAudits"))("finding.pageTitle") };
}

/** One finding: what was found, the corrective action, and its steps (owner corrects, auditor verifies). */
export default async function AuditFindingPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage();
  const { id } = await params;
  if (!isId(id)) notFound();
  const finding = await withTenant(
    actor.orgId,
    async (tx) => {
      const row = await getAuditFinding(tx, actor.orgId, id);
      return row && (await maySeeFinding(tx, actor.orgId, actor, row)) ? row : undefined;
    },
    actor.userId,
  );
  if (!finding) notFound();
  const t = await getTranslations("complianceAudits");
  const manages = can(actor.role, "compliance_audits.manage");
  const owns = finding.ownerId === actor.userId;
  const mayRespond = can(actor.role, "audit_findings.respond");
  return (
    <>
      <PageHeader
        title={finding.title}
        description={t("finding.ofAudit", { audit: finding.auditTitle })}
        actions={
          can(actor.role, "compliance_audits.read") && (
            <Link
              href={`/compliance-audits/${finding.auditId}`}
              className={buttonClass("secondary")}
            >
              {t("finding.toAudit")}
            </Link>
          )
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t("finding.pageTitle")} className="lg:col-span-2">
          <dl
            className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm"
            data-testid="finding-summary"
          >
            <dt className="text-slate-500">{t("fields.status")}</dt>
            <dd>
              <Badge tone={finding.status === "verified" ? "green" : "amber"}>
                {t(`findingStatuses.${finding.status}`)}
              </Badge>
            </dd>
            <dt className="text-slate-500">{t("finding.severity")}</dt>
            <dd>{t(`severities.${finding.severity}`)}</dd>
            {finding.requirementKey && (
              <>
                <dt className="text-slate-500">{t("finding.requirement")}</dt>
                <dd>{finding.requirementKey}</dd>
              </>
            )}
            <dt className="text-slate-500">{t("finding.department")}</dt>
            <dd>{finding.department}</dd>
            <dt className="text-slate-500">{t("finding.owner")}</dt>
            <dd>{finding.owner}</dd>
            <dt className="text-slate-500">{t("finding.dueOn")}</dt>
            <dd className="tabular-nums">{finding.dueOn}</dd>
            {finding.description && (
              <>
                <dt className="text-slate-500">{t("finding.description")}</dt>
                <dd className="whitespace-pre-line">{finding.description}</dd>
              </>
            )}
            <dt className="text-slate-500">{t("finding.correctiveAction")}</dt>
            <dd className="whitespace-pre-line">{finding.correctiveAction}</dd>
            {finding.correctionNote && (
              <>
                <dt className="text-slate-500">{t("finding.correctionNote")}</dt>
                <dd className="whitespace-pre-line">{finding.correctionNote}</dd>
              </>
            )}
            {finding.verificationNote && (
              <>
                <dt className="text-slate-500">{t("finding.verificationNote")}</dt>
                <dd className="whitespace-pre-line">{finding.verificationNote}</dd>
              </>
            )}
          </dl>
        </Card>
        {mayRespond && finding.status === "open" && (owns || manages) && (
          <Card title={t("finding.correctTitle")}>
            <StepForm
              action={stepAuditFindingAction}
              fields={{ findingId: finding.id, step: "corrected" }}
              note={{ name: "note", label: t("finding.correctionNote"), required: true }}
              submitLabel={t("finding.markCorrected")}
              pendingLabel={t("saving")}
            />
          </Card>
        )}
        {manages && finding.status === "corrected" && (
          <Card title={t("finding.verifyTitle")}>
            <div className="space-y-4">
              <StepForm
                action={stepAuditFindingAction}
                fields={{ findingId: finding.id, step: "verified" }}
                note={{ name: "note", label: t("finding.verificationNote"), required: true }}
                submitLabel={t("finding.verify")}
                pendingLabel={t("saving")}
              />
              <StepForm
                action={stepAuditFindingAction}
                fields={{ findingId: finding.id, step: "reopened" }}
                note={{
                  name: "note",
                  id: "reopen-note",
                  label: t("finding.reopenNote"),
                  required: true,
                }}
                submitLabel={t("finding.reopen")}
                pendingLabel={t("saving")}
                variant="secondary"
              />
            </div>
          </Card>
        )}
      </div>
    </>
  );
}
