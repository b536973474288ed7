import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { actionLabel } from "@/lib/core/audit/action-label";
import type { AuditRow } from "@/lib/core/audit/queries";
import { auditQuery, type AuditSearchParams } from "../search-params";
import { DetailsSummary } from "./details-summary";
import { EventTime } from "@/components/ui/event-time";

const head = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const cell = "px-3 py-2 align-top";

/** One page of audit events, newest first; a target links to that target's history. */
export async function EventsTable({ rows, params }: { rows: AuditRow[]; params: AuditSearchParams }) {
  const t = await getTranslations("audit");
  const targetLabel = (type: string) => (t.has(`targets.${type}`) ? t(`targets.${type}`) : type);
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{t("events.caption")}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={head}>{t("events.seq")}</th>
            <th scope="col" className={head}>{t("events.time")}</th>
            <th scope="col" className={head}>{t("events.actor")}</th>
            <th scope="col" className={head}>{t("events.action")}</th>
            <th scope="col" className={head}>{t("events.target")}</th>
            <th scope="col" className={head}>{t("events.details")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.seq} className="hover:bg-slate-50">
              <td className={`${cell} font-mono text-xs tabular-nums text-slate-500`}>{row.seq}</td>
              <td className={`${cell} text-slate-700`}><EventTime iso={row.occurredAt} /></td>
              <td className={cell}>
                {row.actorType === "user" ? (
                  <span className="text-slate-900">{row.actorName ?? t("events.unknownUser")}</span>
                ) : (
                  <span className="flex flex-col items-start gap-0.5">
                    <Badge>{t(`events.${row.actorType === "api_key" ? "apiKey" : row.actorType}`)}</Badge>
                    <span className="font-mono text-xs text-slate-500">{row.actorId}</span>
                  </span>
                )}
              </td>
              <td className={`${cell} text-slate-900`}>
                <span className="block">{actionLabel(t, row.action)}</span>
                <span className="font-mono text-xs text-slate-500">{row.action}</span>
              </td>
              <td className={cell}>
                <span className="block text-slate-700">{targetLabel(row.targetType)}</span>
                {row.targetId && (
                  <Link
                    href={`/audit${auditQuery({ ...params, targetType: row.targetType, targetId: row.targetId })}`}
                    title={t("events.filterTarget")}
                    className="font-mono text-xs text-brand-700 underline-offset-2 hover:underline"
                  >
                    {row.targetId.length > 13 ? `${row.targetId.slice(0, 8)}…` : row.targetId}
                  </Link>
                )}
              </td>
              <td className={cell}><DetailsSummary details={row.details} empty={t("events.noDetails")} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
