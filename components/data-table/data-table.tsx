"use client";

import type { RowData } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { ServerTable } from "./use-server-table";

const ariaSort = { asc: "ascending", desc: "descending" } as const;

function SortIcon({ direction }: { direction: false | "asc" | "desc" }) {
  return (
    <svg
      viewBox="0 0 12 12"
      className={cn("size-3", direction ? "text-brand-700" : "text-slate-400")}
      aria-hidden
    >
      <path
        d="M6 2 9 5H3z"
        className={direction === "desc" ? "opacity-30" : undefined}
        fill="currentColor"
      />
      <path
        d="M6 10 3 7h6z"
        className={direction === "asc" ? "opacity-30" : undefined}
        fill="currentColor"
      />
    </svg>
  );
}

interface Props<TData extends RowData> {
  table: ServerTable<TData>;
  /** Read by screen readers: what the table lists. */
  caption: string;
  /** "Sort by {column}" for a header's button. */
  sortLabel: (column: string) => string;
  /** Dims the rows while the next page renders on the server. */
  pending?: boolean;
  /** Shown instead of the body when there are no rows. */
  empty: ReactNode;
}

/** Semantic table markup for a server-processed TanStack table: sortable headers are buttons. */
export function DataTable<TData extends RowData>({
  table,
  caption,
  sortLabel,
  pending,
  empty,
}: Props<TData>) {
  const rows = table.getRowModel().rows;
  if (rows.length === 0) return <>{empty}</>;
  return (
    <div
      className="overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200"
      aria-busy={pending || undefined}
    >
      <table
        className={cn(
          "min-w-full divide-y divide-slate-200 text-sm transition-opacity",
          pending && "opacity-60",
        )}
      >
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const label = header.isPlaceholder ? null : <table.FlexRender header={header} />;
                const text =
                  typeof header.column.columnDef.header === "string"
                    ? header.column.columnDef.header
                    : header.id;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted ? ariaSort[sorted] : undefined}
                    className="px-4 py-2.5 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600"
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-slate-200/60 hover:text-slate-900"
                        title={sortLabel(text)}
                      >
                        {label}
                        <SortIcon direction={sorted} />
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className="px-4 py-3 align-top text-slate-700">
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
