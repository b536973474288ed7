"use client";

import {
  columnFilteringFeature,
  functionalUpdate,
  globalFilteringFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnFiltersState,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { useMemo } from "react";
import { useUrlParams } from "./use-url-params";

/** Sorting, column filters and search, all processed by the server ("manual" mode). */
export const serverTableFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
});
export type ServerTableFeatures = typeof serverTableFeatures;
export type ServerColumnDef<TData extends RowData> = ColumnDef<ServerTableFeatures, TData, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The list state as the server parsed it from the URL; filters are keyed by URL parameter. */
export interface UrlTableState {
  sort: string;
  dir: "asc" | "desc";
  search?: string;
  filters: Record<string, string | undefined>;
}

interface Options<TData extends RowData> {
  columns: ServerColumnDef<TData>[];
  data: TData[];
  getRowId: (row: TData) => string;
  current: UrlTableState;
  /** Column id → the URL parameter holding its filter (keep this object stable). */
  filterParams: Readonly<Record<string, string>>;
  searchParam?: string;
}

/**
 * A TanStack table whose state lives in the URL: it renders the page the server already sorted
 * and filtered, and every state change the user makes becomes a navigation to new search params.
 */
export function useServerTable<TData extends RowData>({
  columns,
  data,
  getRowId,
  current,
  filterParams,
  searchParam = "q",
}: Options<TData>) {
  const { setParams, pending } = useUrlParams();
  const filterKey = JSON.stringify(current.filters);
  const sorting = useMemo<SortingState>(
    () => [{ id: current.sort, desc: current.dir === "desc" }],
    [current.sort, current.dir],
  );
  const columnFilters = useMemo<ColumnFiltersState>(() => {
    const filters = JSON.parse(filterKey) as UrlTableState["filters"];
    return Object.entries(filterParams).flatMap(([id, param]) =>
      filters[param] ? [{ id, value: filters[param] }] : [],
    );
  }, [filterKey, filterParams]);
  const globalFilter = current.search ?? "";

  const table = useTable({
    features: serverTableFeatures,
    columns,
    data,
    getRowId,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting, columnFilters, globalFilter },
    onSortingChange: (updater) => {
      const [first] = functionalUpdate(updater, sorting);
      setParams({ sort: first?.id, dir: first ? (first.desc ? "desc" : "asc") : undefined });
    },
    onColumnFiltersChange: (updater) => {
      const next = functionalUpdate(updater, columnFilters);
      const value = (id: string) => next.find((f) => f.id === id)?.value;
      setParams(
        Object.fromEntries(
          Object.entries(filterParams).map(([id, param]) => [
            param,
            value(id) ? String(value(id)) : undefined,
          ]),
        ),
      );
    },
    onGlobalFilterChange: (updater) => {
      const next = functionalUpdate(updater, globalFilter);
      setParams({ [searchParam]: typeof next === "string" ? next.trim() : undefined });
    },
  });
  return { table, pending, setParams };
}

export type ServerTable<TData extends RowData> = ReturnType<typeof useServerTable<TData>>["table"];
