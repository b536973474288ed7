import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { RecordTable } from "@/components/ui/record-table";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { todayIso } from "@/lib/core/dates";
import { listRisks, riskHeatMap } from "@/lib/risks/queries";
import { ownerScopeOf } from "@/lib/users/department-scope";
import { AcceptanceBadge, ScoreBadge } from "./_components/risk-badges";
import { RiskHeatMapCard } from "./_components/risk-heat-map-card";

export async function generateMetadata() {
  return { title: (await getTranslations("risks"))("title") };
}

export default async function RisksPage({
  searchParams,
}: {
  searchParams: Promise<{ cursor?: string }>;
}) {
  const actor = await requirePage("risks.read");
  const { cursor } = await searchParams;
  const today = todayIso();
  const { page, map } = await withTenant(
    actor.orgId,
    async (tx) => {
      const scope = await ownerScopeOf(tx, actor.orgId, actor);
      return {
        page: await listRisks(tx, actor.orgId, scope, cursor),
        map: await riskHeatMap(tx, actor.orgId, scope, today),
      };
    },
    actor.userId,
  );
  const t = await getTranslations("risks");
  const newButton = can(actor.role, "risks.manage") && (
    <Link href="/risks/new" className={buttonClass()}>
      {t("newRisk")}
    </Link>
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={newButton} />
      <RiskHeatMapCard map={map} className="mb-6" />
      <RecordTable
        variant="panel"
        caption={t("list.caption")}
        empty={{ title: t("list.empty"), body: t("list.emptyBody"), action: newButton }}
        rows={page.rows}
        rowKey={(row) => row.id}
        columns={[
          {
            header: t("fields.title"),
            rowHeader: true,
            cell: (row) => (
              <Link
                href={`/risks/${row.id}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {row.title}
              </Link>
            ),
          },
          {
            header: t("fields.inherent"),
            cell: (row) => (
              <ScoreBadge likelihood={row.inherentLikelihood} impact={row.inherentImpact} />
            ),
          },
          {
            header: t("fields.residual"),
            cell: (row) => (
              <ScoreBadge likelihood={row.residualLikelihood} impact={row.residualImpact} />
            ),
          },
          {
            header: t("fields.treatment"),
            cell: (row) => (
              <span className="inline-flex flex-wrap items-center gap-2">
                {t(`treatments.${row.treatment}`)} <AcceptanceBadge risk={row} today={today} />
              </span>
            ),
          },
          { header: t("fields.owner"), cell: (row) => row.owner },
          { header: t("fields.reviewOn"), cell: (row) => row.reviewOn, className: "tabular-nums" },
        ]}
      />
      <KeysetPager
        firstHref={cursor ? "/risks" : undefined}
        nextHref={page.next ? `/risks?cursor=${page.next}` : undefined}
        labels={{ nav: t("list.pages"), first: t("list.first"), next: t("list.next") }}
      />
    </>
  );
}
