"use client";

import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table/data-table";
import { useServerTable } from "@/components/data-table/use-server-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { CustomerSummary } from "@/lib/customers/queries";
import { useCustomerColumns } from "./customer-columns";

const noFilters = {} as const;

/** The customers a search found, in the list's columns; nothing of it is in the URL. */
export function SearchResults({ rows }: { rows: CustomerSummary[] }) {
  const t = useTranslations("customers");
  const columns = useCustomerColumns();
  const { table } = useServerTable({
    columns,
    data: rows,
    getRowId: (row) => row.id,
    current: { sort: "created", dir: "desc", filters: noFilters },
    filterParams: noFilters,
  });
  return (
    <section aria-label={t("search.results")}>
      <p className="mb-3 text-sm text-slate-600" role="status">
        {rows.length > 0 && t("search.resultsCount", { count: rows.length })}
      </p>
      <DataTable
        table={table}
        caption={t("search.results")}
        sortLabel={(column) => column}
        empty={<EmptyState title={t("search.noMatch")} body={t("search.noMatchBody")} />}
      />
    </section>
  );
}
