"use client";

import { useTranslations } from "next-intl";
import { FilterSelect } from "@/components/data-table/filter-select";
import { SearchBox } from "@/components/data-table/search-box";
import type { ServerTable } from "@/components/data-table/use-server-table";
import { Button } from "@/components/ui/button";
import type { VendorListRow } from "@/lib/vendors/list";
import {
  dpaFilters,
  reviewFilters,
  roleFilters,
  tierFilters,
  type VendorListQuery,
} from "@/lib/vendors/list-query";

interface Props {
  table: ServerTable<VendorListRow>;
  query: VendorListQuery;
  filtered: boolean;
  setParams: (patch: Record<string, string | undefined>) => void;
  onClear: () => void;
}

/** Search, the column filters and "show archived": each change reloads the list from the server. */
export function VendorFilters({ table, query, filtered, setParams, onClear }: Props) {
  const t = useTranslations("vendors");
  const common = useTranslations("common");
  const options = (list: string, ids: readonly string[]) =>
    ids.map((id) => ({ value: id, label: t(`options.${list}.${id}`) }));
  return (
    <div
      role="search"
      aria-label={t("list.filtersLabel")}
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      <SearchBox
        id="vendor-search"
        label={t("list.searchLabel")}
        placeholder={t("list.searchPlaceholder")}
        value={query.q ?? ""}
        onSearch={(text) => table.setGlobalFilter(text)}
      />
      <FilterSelect
        column={table.getColumn("risk")}
        id="filter-tier"
        label={t("list.tier")}
        anyLabel={t("list.any")}
        options={options("tier", tierFilters)}
      />
      <FilterSelect
        column={table.getColumn("dpa")}
        id="filter-dpa"
        label={t("list.dpa")}
        anyLabel={t("list.any")}
        options={options("dpaFilter", dpaFilters)}
      />
      <FilterSelect
        column={table.getColumn("country")}
        id="filter-cross-border"
        label={t("list.crossBorder")}
        anyLabel={t("list.any")}
        options={options("crossBorder", ["yes", "no"])}
      />
      <FilterSelect
        column={table.getColumn("role")}
        id="filter-role"
        label={t("list.role")}
        anyLabel={t("list.any")}
        options={options("handlerRole", roleFilters)}
      />
      <FilterSelect
        column={table.getColumn("nextReview")}
        id="filter-review"
        label={t("list.review")}
        anyLabel={t("list.any")}
        options={options("reviewState", reviewFilters)}
      />
      <label className="flex items-center gap-2 py-1.5 text-sm text-slate-700">
        <input
          key={String(query.archived === true)}
          type="checkbox"
          defaultChecked={query.archived === true}
          onChange={(e) => setParams({ archived: e.target.checked ? "true" : undefined })}
          className="size-4 rounded border-slate-300 text-brand-600"
        />
        {t("list.showArchived")}
      </label>
      {filtered && (
        <Button variant="ghost" onClick={onClear}>
          {common("clearFilters")}
        </Button>
      )}
    </div>
  );
}
