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
import { listAssessments, overdueFindings } from "@/lib/security-tests/queries";
import { ownerScopeOf } from "@/lib/users/department-scope";
import { OverdueFindings } from "./_components/overdue-findings";

export async function generateMetadata() {
  return { title: (await getTranslations("securityTests"))("title") };
}

export default async function SecurityTestsPage({
  searchParams,
}: {
  searchParams: Promise<{ cursor?: string }>;
}) {
  const actor = await requirePage("security_tests.read");
  const { cursor } = await searchParams;
  const today = todayIso();
  const { page, overdue } = await withTenant(
    actor.orgId,
    async (tx) => {
      const scope = await ownerScopeOf(tx, actor.orgId, actor);
      return {
        page: await listAssessments(tx, actor.orgId, scope, cursor),
        overdue: await overdueFindings(tx, actor.orgId, scope, today),
      };
    },
    actor.userId,
  );
  const t = await getTranslations("securityTests");
  const manages = can(actor.role, "security_tests.manage");
  const newButton = manages && (
    <Link href="/security-tests/new" className={buttonClass()}>
      {t("newAssessment")}
    </Link>
  );
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          manages && (
            <>
              {newButton}
              <Link href="/security-tests/settings" className={buttonClass("secondary")}>
                {t("periods.title")}
              </Link>
            </>
          )
        }
      />
      <OverdueFindings rows={overdue.rows} total={overdue.total} today={today} className="mb-6" />
      <RecordTable
        variant="panel"
        caption={t("list.caption")}
        empty={{ title: t("list.empty"), body: t("list.emptyBody"), action: newButton }}
        rows={page.rows}
        rowKey={(row) => row.id}
        columns={[
          {
            header: t("assessment.title"),
            rowHeader: true,
            cell: (row) => (
              <Link
                href={`/security-tests/${row.id}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {row.title}
              </Link>
            ),
          },
          { header: t("assessment.kind"), cell: (row) => t(`kinds.${row.kind}`) },
          { header: t("assessment.tester"), cell: (row) => row.tester },
          {
            header: t("assessment.dates"),
            cell: (row) => `${row.startedOn} – ${row.endedOn ?? "…"}`,
            className: "tabular-nums",
          },
          {
            header: t("list.findings"),
            cell: (row) => t("list.findingCounts", { total: row.findings, open: row.open }),
            align: "right",
          },
        ]}
      />
      <KeysetPager
        firstHref={cursor ? "/security-tests" : undefined}
        nextHref={page.next ? `/security-tests?cursor=${page.next}` : undefined}
        labels={{ nav: t("list.pages"), first: t("list.first"), next: t("list.next") }}
      />
    </>
  );
}
