import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { EventTime } from "@/components/ui/event-time";
import type { ImportSummary } from "@/lib/imports/queries";
import { ImportStatusBadge } from "./import-status";

/** Past and running imports: file, status, counts, who and when (no file content). */
export async function ImportHistory({ rows }: { rows: ImportSummary[] }) {
  const t = await getTranslations("imports.history");
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  const cell = "px-4 py-2.5";
  return (
    <div className="-mx-4 -my-4 overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-100 text-sm">
        <caption className="sr-only">{t("title")}</caption>
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th scope="col" className={`${cell} font-medium`}>{t("file")}</th>
            <th scope="col" className={`${cell} font-medium`}>{t("status")}</th>
            <th scope="col" className={`${cell} text-right font-medium`}>{t("rows")}</th>
            <th scope="col" className={`${cell} text-right font-medium`}>{t("imported")}</th>
            <th scope="col" className={`${cell} text-right font-medium`}>{t("skipped")}</th>
            <th scope="col" className={`${cell} font-medium`}>{t("by")}</th>
            <th scope="col" className={`${cell} font-medium`}>{t("at")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id}>
              <td className={`${cell} max-w-xs truncate`}>
                <Link href={`/customers/import/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.fileName}</Link>
              </td>
              <td className={cell}><ImportStatusBadge status={r.status} /></td>
              <td className={`${cell} text-right tabular-nums`}>{r.totalRows}</td>
              <td className={`${cell} text-right tabular-nums`}>{r.status === "uploaded" ? "—" : r.importedRows}</td>
              <td className={`${cell} text-right tabular-nums`}>{r.status === "uploaded" ? "—" : r.errorRows}</td>
              <td className={`${cell} whitespace-nowrap`}>{r.createdByName ?? t("unknown")}</td>
              <td className={`${cell} text-slate-600`}><EventTime iso={new Date(r.createdAt).toISOString()} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
