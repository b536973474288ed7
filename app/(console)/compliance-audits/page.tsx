import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { RecordTable } from "@/components/ui/record-table";
import { withTenant } from "@/db/tenant";
import { auditObligationStatus } from "@/lib/compliance-audits/obligation-status";
import { listAudits } from "@/lib/compliance-audits/queries";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { todayIso } from "@/lib/core/dates";
import { ObligationCard } from "./_components/obligation-card";

export async function generateMetadata() {
  return { title: (await getTranslations("complianceAudits"))("title") };
}

export default async function ComplianceAuditsPage() {
  const actor = await requirePage("compliance_audits.read");
  const t = await getTranslations("complianceAudits");
  const { audits, obligation } = await withTenant(
    actor.orgId,
    async (tx) => ({
      audits: await listAudits(tx, actor.orgId),
      obligation: await auditObligationStatus(tx, actor.orgId),
    }),
    actor.userId,
  );
  const newButton = can(actor.role, "compliance_audits.manage") && (
    <Link href="/compliance-audits/new" className={buttonClass()}>
      {t("new")}
    </Link>
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={newButton} />
      <ObligationCard obligation={obligation} today={todayIso()} />
      <RecordTable
        variant="panel"
        caption={t("list.caption")}
        rows={audits}
        rowKey={(a) => a.id}
        empty={{ title: t("list.empty"), body: t("list.emptyBody"), action: newButton }}
        columns={[
          {
            header: t("fields.title"),
            rowHeader: true,
            cell: (a) => (
              <Link
                href={`/compliance-audits/${a.id}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {a.title}
              </Link>
            ),
          },
          { header: t("fields.kind"), cell: (a) => t(`kinds.${a.kind}`) },
          { header: t("fields.laws"), cell: (a) => a.laws.join(", ") },
          { header: t("fields.auditor"), cell: (a) => a.auditorName },
          {
            header: t("fields.planned"),
            cell: (a) => `${a.plannedStart} – ${a.plannedEnd}`,
            className: "tabular-nums whitespace-nowrap",
          },
          {
            header: t("fields.status"),
            cell: (a) => (
              <Badge
                tone={
                  a.status === "completed"
                    ? "green"
                    : a.status === "in_progress"
                      ? "blue"
                      : "neutral"
                }
              >
                {t(`statuses.${a.status}`)}
              </Badge>
            ),
          },
          {
            header: t("list.openFindings"),
            cell: (a) => a.openFindings,
            align: "right",
          },
        ]}
      />
    </>
  );
}
