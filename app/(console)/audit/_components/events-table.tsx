import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { RecordTable } from "@/components/ui/record-table";
import { actionLabel } from "@/lib/core/audit/action-label";
import type { AuditRow } from "@/lib/core/audit/queries";
import { auditQuery, type AuditSearchParams } from "../search-params";
import { DetailsSummary } from "./details-summary";
import { EventTime } from "@/components/ui/event-time";
import { shortId } from "@/lib/core/short-id";

/** One page of audit events, newest first; a target links to that target's history. */
export async function EventsTable({
  rows,
  params,
}: {
  rows: AuditRow[];
  params: AuditSearchParams;
}) {
  const t = await getTranslations("audit");
  const targetLabel = (type: string) => (t.has(`targets.${type}`) ? t(`targets.${type}`) : type);
  return (
    <RecordTable
      variant="panel"
      caption={t("events.caption")}
      rows={rows}
      rowKey={(row) => row.seq}
      rowClassName={() => "align-top hover:bg-slate-50"}
      columns={[
        {
          header: t("events.seq"),
          cell: (row) => row.seq,
          className: "font-mono text-xs tabular-nums text-slate-500",
        },
        {
          header: t("events.time"),
          cell: (row) => <EventTime iso={row.occurredAt} style="seconds" />,
          className: "text-slate-700",
        },
        {
          header: t("events.actor"),
          cell: (row) =>
            row.actorType === "user" ? (
              <span className="text-slate-900">{row.actorName ?? t("events.unknownUser")}</span>
            ) : (
              <span className="flex flex-col items-start gap-0.5">
                <Badge>
                  {t(`events.${row.actorType === "api_key" ? "apiKey" : row.actorType}`)}
                </Badge>
                <span className="font-mono text-xs text-slate-500">{row.actorId}</span>
              </span>
            ),
        },
        {
          header: t("events.action"),
          cell: (row) => (
            <>
              <span className="block">{actionLabel(t, row.action)}</span>
              <span className="font-mono text-xs text-slate-500">{row.action}</span>
            </>
          ),
          className: "text-slate-900",
        },
        {
          header: t("events.target"),
          cell: (row) => (
            <>
              <span className="block text-slate-700">{targetLabel(row.targetType)}</span>
              {row.targetId && (
                <Link
                  href={`/audit${auditQuery({ ...params, targetType: row.targetType, targetId: row.targetId })}`}
                  title={t("events.filterTarget")}
                  className="font-mono text-xs text-brand-700 underline-offset-2 hover:underline"
                >
                  {row.targetId.length > 13 ? `…${shortId(row.targetId)}` : row.targetId}
                </Link>
              )}
            </>
          ),
        },
        {
          header: t("events.details"),
          cell: (row) => <DetailsSummary details={row.details} empty={t("events.noDetails")} />,
        },
      ]}
    />
  );
}
