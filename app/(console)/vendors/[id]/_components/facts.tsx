import type { ReactNode } from "react";

/** Label–value pairs of a record, as a description list. */
export function Facts({ items }: { items: Array<{ label: string; value: ReactNode }> }) {
  return (
    <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
      {items.map((item) => (
        <div key={item.label}>
          <dt className="text-xs font-medium text-slate-500">{item.label}</dt>
          <dd className="mt-1 text-sm text-slate-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Several chosen options, as chips; the "none" text when there are none. */
export function Chips({ labels, none }: { labels: string[]; none: string }) {
  if (labels.length === 0) return <span className="text-slate-400">{none}</span>;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {labels.map((label) => (
        <li key={label} className="rounded-md bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
          {label}
        </li>
      ))}
    </ul>
  );
}
