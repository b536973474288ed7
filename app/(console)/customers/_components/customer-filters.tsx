"use client";

import { useLocale, useTranslations } from "next-intl";
import { FilterSelect } from "@/components/data-table/filter-select";
import type { ServerTable } from "@/components/data-table/use-server-table";
import { Button } from "@/components/ui/button";
import type { CustomerListQuery } from "@/lib/customers/list-query";
import { regionName } from "@/lib/customers/regions";
import { lawFilters, sensitiveFilters, statusFilters } from "@/lib/customers/list-query";
import type { CustomerSummary } from "@/lib/customers/queries";
import { compactSelectClass } from "@/components/ui/input-class";

interface Props {
  table: ServerTable<CustomerSummary>;
  query: CustomerListQuery;
  regions: string[];
  filtered: boolean;
  setParams: (patch: Record<string, string | undefined>) => void;
  onClear: () => void;
}

/** Region, law, status and "holds sensitive data": each change reloads the list from the server. */
export function CustomerFilters({ table, query, regions, filtered, setParams, onClear }: Props) {
  const t = useTranslations("customers");
  const common = useTranslations("common");
  const locale = useLocale();
  const sensitive = query.sensitive ?? "";
  return (
    <div
      role="group"
      aria-label={t("list.filtersLabel")}
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      <FilterSelect
        column={table.getColumn("region")}
        id="filter-region"
        label={t("list.region")}
        anyLabel={t("list.any")}
        options={regions.map((r) => ({ value: r, label: regionName(r, locale) }))}
      />
      <FilterSelect
        column={table.getColumn("laws")}
        id="filter-law"
        label={t("list.law")}
        anyLabel={t("list.any")}
        options={lawFilters.map((l) => ({ value: l, label: l }))}
      />
      <FilterSelect
        column={table.getColumn("status")}
        id="filter-status"
        label={t("list.status")}
        anyLabel={t("list.any")}
        options={statusFilters.map((s) => ({ value: s, label: t(`options.status.${s}`) }))}
      />
      {/* Not a column of its own (an ID number or a payment account), so it writes the URL directly. */}
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-sensitive" className="text-xs font-medium text-slate-600">
          {t("list.sensitive")}
        </label>
        <select
          key={sensitive}
          id="filter-sensitive"
          defaultValue={sensitive}
          onChange={(e) => setParams({ sensitive: e.target.value || undefined })}
          className={compactSelectClass}
        >
          <option value="">{t("list.any")}</option>
          {sensitiveFilters.map((s) => (
            <option key={s} value={s}>
              {t(`options.sensitive.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {filtered && (
        <Button variant="ghost" onClick={onClear}>
          {common("clearFilters")}
        </Button>
      )}
    </div>
  );
}
