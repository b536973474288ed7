import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { listReceipts, purposeOptions } from "@/lib/consent/explorer";
import { localized } from "@/lib/core/i18n/localized-text";
import { ReceiptFiltersForm } from "./_components/receipt-filters";
import { ReceiptsTable } from "./_components/receipts-table";
import { parseReceiptSearchParams, receiptQuery, toReceiptFilters } from "./search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("consent"))("explorer.title") };
}

export default async function ReceiptsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("consent.read");
  const params = parseReceiptSearchParams(await searchParams);
  const [t, locale] = await Promise.all([getTranslations("consent"), getLocale()]);
  const { page, purposes } = await withTenant(
    actor.orgId,
    async (tx) => ({
      page: await listReceipts(tx, actor.orgId, toReceiptFilters(params), params.cursor),
      purposes: await purposeOptions(tx, actor.orgId),
    }),
    actor.userId,
  );
  const filtered = receiptQuery(params) !== "";

  return (
    <>
      <Link
        href="/consent"
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800"
      >
        ← {t("dashboard.title")}
      </Link>
      <PageHeader title={t("explorer.title")} description={t("explorer.description")} />
      <div className="space-y-4">
        <ReceiptFiltersForm
          params={params}
          purposes={purposes.map((p) => ({
            value: p.id,
            label: `${localized(p.name, locale)} (${p.code})`,
          }))}
        />
        {page.rows.length > 0 ? (
          <>
            <ReceiptsTable rows={page.rows} />
            <KeysetPager
              firstHref={
                params.cursor
                  ? `/consent/receipts${receiptQuery({ ...params, cursor: undefined })}`
                  : undefined
              }
              nextHref={
                page.next ? `/consent/receipts${receiptQuery(params, page.next)}` : undefined
              }
              labels={{
                nav: t("explorer.pagination"),
                first: t("explorer.first"),
                next: t("explorer.next"),
              }}
            />
          </>
        ) : (
          <EmptyState
            title={t("explorer.empty")}
            body={filtered ? t("explorer.emptyFiltered") : t("explorer.emptyBody")}
            action={
              filtered ? (
                <Link href="/consent/receipts" className={buttonClass("secondary")}>
                  {t("explorer.clear")}
                </Link>
              ) : undefined
            }
          />
        )}
      </div>
    </>
  );
}
