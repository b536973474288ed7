import type { ReactNode } from "react";
import { cn } from "./cn";

export interface Fact {
  label: string;
  value: ReactNode;
  /** Spans the whole width (a description, a scope). */
  wide?: boolean;
}

const gridColumns = { 1: "", 2: "sm:grid-cols-2", 3: "sm:grid-cols-3" } as const;

/**
 * Label–value pairs of a record as one description list: a grid of `columns` (label above its
 * value), or `rows` (label beside its value, one pair a line, divided).
 */
export function Facts({
  items,
  columns = 2,
  layout = "grid",
}: {
  items: Fact[];
  columns?: 1 | 2 | 3;
  layout?: "grid" | "rows";
}) {
  if (layout === "rows")
    return (
      <dl className="divide-y divide-slate-100 text-sm">
        {items.map((item) => (
          <div
            key={item.label}
            className="grid gap-1 py-2.5 first:pt-0 last:pb-0 sm:grid-cols-3 sm:gap-4"
          >
            <dt className="text-slate-500">{item.label}</dt>
            <dd className="text-slate-900 sm:col-span-2">{item.value}</dd>
          </div>
        ))}
      </dl>
    );
  return (
    <dl className={cn("grid gap-x-6 gap-y-4", gridColumns[columns])}>
      {items.map((item) => (
        <div key={item.label} className={item.wide ? "sm:col-span-full" : undefined}>
          <dt className="text-xs font-medium text-slate-500">{item.label}</dt>
          <dd className="mt-1 text-sm text-slate-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
