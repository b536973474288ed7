import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { activeFilterNames, CUSTOMER_PAGE_SIZE } from "@/lib/customers/list-query";
import { customerRegions, listCustomers } from "@/lib/customers/queries";
import { CustomerSearch } from "./_components/customer-search";
import { CustomerTable } from "./_components/customer-table";
import { customerSearchString, parseCustomerSearchParams } from "./search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("customers"))("title") };
}

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("customers.read");
  const query = parseCustomerSearchParams(await searchParams);
  const [t, { page, regions }] = await Promise.all([
    getTranslations("customers"),
    withTenant(
      actor.orgId,
      async (tx) => ({
        page: await listCustomers(tx, actor.orgId, { ...query, limit: CUSTOMER_PAGE_SIZE }),
        regions: await customerRegions(tx, actor.orgId),
      }),
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
          can(actor.role, "customers.import") && (
            <Link href="/customers/import" className={buttonClass("secondary")}>
              {(await getTranslations("imports"))("title")}
            </Link>
          )
        }
      />
      <CustomerSearch>
        <CustomerTable
          rows={page.rows}
          regions={regions}
          query={query}
          filtered={activeFilterNames(query).length > 0}
          firstHref={query.cursor ? `/customers?${customerSearchString(firstPage)}` : undefined}
          nextHref={
            page.next
              ? `/customers?${customerSearchString({ ...query, cursor: page.next })}`
              : undefined
          }
        />
      </CustomerSearch>
    </>
  );
}
