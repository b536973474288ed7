import { useTranslations } from "next-intl";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { QueueRow } from "@/lib/requests/queue";
import { SlaBadge, StatusBadge, unitOf } from "./request-badges";

/** The queue: rows link to the request page; customers appear only as their stored masks. */
export function QueueTable({ rows, filtered, canCreate }: { rows: QueueRow[]; filtered: boolean; canCreate: boolean }) {
  const t = useTranslations("requests");
  if (rows.length === 0) {
    return filtered
      ? <EmptyState title={t("list.emptyFiltered")} body={t("list.emptyFilteredBody")} action={<Link href="/requests" className={buttonClass("secondary")}>{t("list.clear")}</Link>} />
      : <EmptyState title={t("list.empty")} body={t("list.emptyBody")} action={canCreate && <Link href="/requests/new" className={buttonClass()}>{t("new")}</Link>} />;
  }
  const head = "px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-600";
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{t("list.caption")}</caption>
        <thead className="bg-slate-50">
          <tr>
            {(["reference", "type", "customer", "law", "status", "sla", "dueOn", "assignee"] as const).map((c) => <th key={c} scope="col" className={head}>{t(`fields.${c}`)}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              <td className="px-3 py-2 whitespace-nowrap">
                <Link href={`/requests/${row.id}`} className="font-medium text-brand-700 hover:underline">{row.reference}</Link>
                {row.duplicate && <span className="ml-2 text-xs text-slate-500">{t("list.duplicate")}</span>}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{t(`type.${row.type}`)}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {row.customerId ? <><span>{row.customerName ?? "—"}</span><span className="ml-1.5 text-xs text-slate-500">{row.customerRef}</span></> : <span className="text-slate-400">{t("list.noCustomer")}</span>}
              </td>
              <td className="px-3 py-2">{row.law}</td>
              <td className="px-3 py-2"><StatusBadge status={row.status} /></td>
              <td className="px-3 py-2">{row.sla ? <SlaBadge state={row.sla} remaining={row.remaining} unit={unitOf(row.law)} stacked /> : <span className="text-slate-400">—</span>}</td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{row.dueOn ?? "—"}</td>
              <td className="px-3 py-2 whitespace-nowrap">{row.assigneeName ?? <span className="text-slate-400">{t("list.unassigned")}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
