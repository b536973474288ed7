"use client";

import type { Column, RowData } from "@tanstack/react-table";
import type { ServerTableFeatures } from "./use-server-table";
import { compactSelectClass } from "@/components/ui/input-class";

interface Props<TData extends RowData> {
  column: Column<ServerTableFeatures, TData, unknown> | undefined;
  id: string;
  label: string;
  /** The label of the "no filter" choice. */
  anyLabel: string;
  options: Array<{ value: string; label: string }>;
}

/** A labelled select bound to one column's filter; choosing sends the new filter to the URL. */
export function FilterSelect<TData extends RowData>({
  column,
  id,
  label,
  anyLabel,
  options,
}: Props<TData>) {
  if (!column) return null;
  const value = (column.getFilterValue() as string | undefined) ?? "";
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      {/* Uncontrolled, re-keyed by the URL's value: the choice shows at once, and a navigation
          made elsewhere (clear filters, back button) still resets it. */}
      <select
        key={value}
        id={id}
        defaultValue={value}
        onChange={(e) => column.setFilterValue(e.target.value || undefined)}
        className={compactSelectClass}
      >
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
