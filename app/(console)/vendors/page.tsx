import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { activeFilterNames, VENDOR_PAGE_SIZE } from "@/lib/vendors/list-query";
import { listVendors } from "@/lib/vendors/list";
import { VendorTable } from "./_components/vendor-table";
import { parseVendorSearchParams, vendorSearchString } from "./search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("vendors"))("title") };
}

export default async function VendorsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("vendors.read");
  const query = parseVendorSearchParams(await searchParams);
  const [t, common, page] = await Promise.all([
    getTranslations("vendors"),
    getTranslations("common"),
    withTenant(
      actor.orgId,
      (tx) => listVendors(tx, actor.orgId, query, VENDOR_PAGE_SIZE),
      actor.userId,
    ),
  ]);
  const firstPage = { ...query, cursor: undefined };
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {can(actor.role, "vendors.export") && (
              <a
                href={`/vendors/export?${vendorSearchString(firstPage)}`}
                className={buttonClass("secondary")}
                download
              >
                {common("exportCsv")}
              </a>
            )}
            {can(actor.role, "vendors.create") && (
              <Link href="/vendors/new" className={buttonClass()}>
                {t("new")}
              </Link>
            )}
          </>
        }
      />
      <VendorTable
        rows={page.rows}
        firstHref={query.cursor ? `/vendors?${vendorSearchString(firstPage)}` : undefined}
        nextHref={
          page.next ? `/vendors?${vendorSearchString({ ...query, cursor: page.next })}` : undefined
        }
        query={query}
        filtered={activeFilterNames(query).length > 0}
        canEdit={can(actor.role, "vendors.update")}
        canCreate={can(actor.role, "vendors.create")}
      />
    </>
  );
}
