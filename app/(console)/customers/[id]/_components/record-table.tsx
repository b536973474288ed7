import type { ReactNode } from "react";

/** A small read-only table of a customer's records (no paging: the newest few at most). */
export function RecordTable({ caption, headers, rows, empty }: { caption: string; headers: string[]; rows: Array<{ key: string; cells: ReactNode[] }>; empty: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <div className="-mx-4 overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {headers.map((h) => <th key={h} scope="col" className="px-4 py-2 text-left text-xs font-semibold whitespace-nowrap text-slate-600">{h}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) => <td key={i} className="px-4 py-2.5 align-top whitespace-nowrap text-slate-700">{cell}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
