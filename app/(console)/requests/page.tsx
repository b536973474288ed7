import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { requestHandlers } from "@/lib/requests/queries";
import { requestQueue } from "@/lib/requests/queue";
import { QueueFilters } from "./_components/queue-filters";
import { QueueTable } from "./_components/queue-table";
import { activeFilters, parseRequestSearchParams, requestSearchString } from "./search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("requests"))("title") };
}

export default async function RequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("requests.read");
  const query = parseRequestSearchParams(await searchParams);
  const [t, common, data] = await Promise.all([
    getTranslations("requests"),
    getTranslations("common"),
    withTenant(
      actor.orgId,
      async (tx) => ({
        page: await requestQueue(tx, actor.orgId, actor.userId, query),
        handlers: await requestHandlers(tx, actor.orgId),
      }),
      actor.userId,
    ),
  ]);
  const firstPage = { ...query, cursor: undefined };
  const filtered = activeFilters(query).length > 0;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can(actor.role, "requests.create") && (
            <Link href="/requests/new" className={buttonClass()}>
              {t("new")}
            </Link>
          )
        }
      />
      <QueueFilters query={query} handlers={data.handlers} filtered={filtered} />
      <QueueTable
        rows={data.page.rows}
        filtered={filtered}
        canCreate={can(actor.role, "requests.create")}
      />
      {data.page.rows.length > 0 && (
        <div className="flex items-center justify-between gap-4">
          <p className="mt-4 text-xs text-slate-500">
            {common("showing", { count: data.page.rows.length })}
          </p>
          <nav aria-label={t("list.pagination")} className="mt-4 flex justify-end gap-2">
            {query.cursor && (
              <Link
                href={`/requests?${requestSearchString(firstPage)}`}
                className={buttonClass("secondary", "sm")}
              >
                {common("first")}
              </Link>
            )}
            {data.page.next && (
              <Link
                href={`/requests?${requestSearchString({ ...query, cursor: data.page.next })}`}
                className={buttonClass("secondary", "sm")}
              >
                {common("next")}
              </Link>
            )}
          </nav>
        </div>
      )}
    </>
  );
}
