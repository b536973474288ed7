"use client";

import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table/data-table";
import { useServerTable } from "@/components/data-table/use-server-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import type { CustomerListQuery } from "@/lib/customers/list-query";
import type { CustomerSummary } from "@/lib/customers/queries";
import { useCustomerColumns } from "./customer-columns";
import { CustomerFilters } from "./customer-filters";

/** Which URL parameter filters which column. */
const filterParams = { region: "region", laws: "law", status: "status" } as const;

interface Props {
  rows: CustomerSummary[];
  regions: string[];
  firstHref?: string;
  nextHref?: string;
  query: CustomerListQuery;
  filtered: boolean;
}

/** The filtered, keyset-paged customer list; its state is the URL. */
export function CustomerTable({ rows, regions, firstHref, nextHref, query, filtered }: Props) {
  const t = useTranslations("customers");
  const common = useTranslations("common");
  const columns = useCustomerColumns();
  const { table, pending, setParams } = useServerTable({
    columns,
    data: rows,
    getRowId: (row) => row.id,
    current: {
      sort: "created",
      dir: "desc",
      filters: { region: query.region, law: query.law, status: query.status },
    },
    filterParams,
  });
  const clear = () =>
    setParams({ region: undefined, law: undefined, status: undefined, sensitive: undefined });

  const empty = filtered ? (
    <EmptyState
      title={t("list.emptyFiltered")}
      body={t("list.emptyFilteredBody")}
      action={
        <button type="button" onClick={clear} className={buttonClass("secondary")}>
          {common("clearFilters")}
        </button>
      }
    />
  ) : (
    <EmptyState title={t("list.empty")} body={t("list.emptyBody")} />
  );

  return (
    <div>
      <CustomerFilters
        table={table}
        query={query}
        regions={regions}
        filtered={filtered}
        setParams={setParams}
        onClear={clear}
      />
      <DataTable
        table={table}
        caption={t("list.caption")}
        sortLabel={(column) => column}
        pending={pending}
        empty={empty}
      />
      {rows.length > 0 && (
        <div className="flex items-center justify-between gap-4">
          <p className="mt-4 text-xs text-slate-500">{common("showing", { count: rows.length })}</p>
          <KeysetPager
            firstHref={firstHref}
            nextHref={nextHref}
            labels={{ nav: t("list.pagination"), first: common("first"), next: common("next") }}
          />
        </div>
      )}
    </div>
  );
}
