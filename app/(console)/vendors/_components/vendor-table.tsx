"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { useServerTable } from "@/components/data-table/use-server-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import type { VendorListRow } from "@/lib/vendors/list";
import type { VendorListQuery } from "@/lib/vendors/list-query";
import { useVendorColumns } from "./vendor-columns";
import { VendorFilters } from "./vendor-filters";

/** Which URL parameter filters which column. */
const filterParams = {
  risk: "tier",
  dpa: "dpa",
  country: "crossBorder",
  role: "role",
  nextReview: "review",
} as const;

interface Props {
  rows: VendorListRow[];
  firstHref?: string;
  nextHref?: string;
  query: VendorListQuery;
  filtered: boolean;
  canEdit: boolean;
  canCreate: boolean;
}

export function VendorTable({
  rows,
  firstHref,
  nextHref,
  query,
  filtered,
  canEdit,
  canCreate,
}: Props) {
  const t = useTranslations("vendors");
  const common = useTranslations("common");

  const columns = useVendorColumns(canEdit);

  const { table, pending, setParams } = useServerTable({
    columns,
    data: rows,
    getRowId: (row) => row.id,
    current: {
      sort: query.sort,
      dir: query.dir,
      search: query.q,
      filters: {
        tier: query.tier,
        dpa: query.dpa,
        crossBorder: query.crossBorder,
        role: query.role,
        review: query.review,
      },
    },
    filterParams,
  });
  const clear = () =>
    setParams({
      q: undefined,
      tier: undefined,
      dpa: undefined,
      crossBorder: undefined,
      role: undefined,
      review: undefined,
      archived: undefined,
    });

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
    <EmptyState
      title={t("list.empty")}
      body={t("list.emptyBody")}
      action={
        canCreate && (
          <Link href="/vendors/new" className={buttonClass()}>
            {t("new")}
          </Link>
        )
      }
    />
  );

  return (
    <div>
      <VendorFilters
        table={table}
        query={query}
        filtered={filtered}
        setParams={setParams}
        onClear={clear}
      />
      <DataTable
        table={table}
        caption={t("list.caption")}
        sortLabel={(column) => t("list.sortBy", { column })}
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
