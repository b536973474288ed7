"use client";

import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table/data-table";
import { FilterSelect } from "@/components/data-table/filter-select";
import { SearchBox } from "@/components/data-table/search-box";
import { useServerTable } from "@/components/data-table/use-server-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import type { Role } from "@/db/schema/users";
import { isFiltered, memberStatuses, type MemberListQuery } from "@/lib/users/list-query";
import type { MemberRow } from "@/lib/users/queries";
import { useMemberColumns } from "./member-columns";

/** Which URL parameter filters which column. */
const filterParams = { role: "role", status: "status" } as const;

interface Props {
  rows: MemberRow[];
  query: MemberListQuery;
  selfId: string;
  /** From the schema, passed in so the database module stays out of the browser bundle. */
  roles: readonly Role[];
  firstHref?: string;
  nextHref?: string;
}

export function MembersTable({ rows, query, selfId, roles, firstHref, nextHref }: Props) {
  const t = useTranslations("users");
  const common = useTranslations("common");
  const { table, pending, setParams } = useServerTable({
    columns: useMemberColumns(selfId),
    data: rows,
    getRowId: (row) => row.userId,
    current: {
      sort: query.sort,
      dir: query.dir,
      search: query.q,
      filters: { role: query.role, status: query.status },
    },
    filterParams,
  });
  const filtered = isFiltered(query);
  const clear = () => setParams({ q: undefined, role: undefined, status: undefined });
  const empty = filtered ? (
    <EmptyState
      title={t("empty.searchTitle")}
      body={t("empty.searchBody")}
      action={
        <Button variant="secondary" onClick={clear}>
          {common("clearFilters")}
        </Button>
      }
    />
  ) : (
    <EmptyState title={t("empty.title")} body={t("empty.body")} />
  );
  return (
    <div>
      <div
        role="search"
        aria-label={t("search.filters")}
        className="mb-4 flex flex-wrap items-end gap-3"
      >
        <SearchBox
          id="member-search"
          label={t("search.label")}
          placeholder={t("search.placeholder")}
          value={query.q ?? ""}
          onSearch={(text) => table.setGlobalFilter(text)}
        />
        <FilterSelect
          column={table.getColumn("role")}
          id="filter-role"
          label={t("columns.role")}
          anyLabel={t("search.any")}
          options={roles.map((r) => ({ value: r, label: common(`roles.${r}`) }))}
        />
        <FilterSelect
          column={table.getColumn("status")}
          id="filter-status"
          label={t("columns.status")}
          anyLabel={t("search.any")}
          options={memberStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        {filtered && (
          <Button variant="ghost" onClick={clear}>
            {common("clearFilters")}
          </Button>
        )}
      </div>
      <DataTable
        table={table}
        caption={t("title")}
        sortLabel={(column) => t("sortBy", { column })}
        pending={pending}
        empty={empty}
      />
      {rows.length > 0 && (
        <div className="flex items-center justify-between gap-4">
          <p className="mt-4 text-xs text-slate-500">{common("showing", { count: rows.length })}</p>
          <KeysetPager
            firstHref={firstHref}
            nextHref={nextHref}
            labels={{ nav: t("pages"), first: common("first"), next: common("next") }}
          />
        </div>
      )}
    </div>
  );
}
