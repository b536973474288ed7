import { getFormatter, getTranslations } from "next-intl/server";
import { RecordTable } from "@/components/ui/record-table";
import { actionLabel } from "@/lib/core/audit/action-label";
import type { AuditRow } from "@/lib/core/audit/queries";

/** The incident's audit trail: who did what and when, status steps named. */
export async function IncidentHistory({ events }: { events: AuditRow[] }) {
  const [t, audit, format] = await Promise.all([
    getTranslations("incidents"),
    getTranslations("audit"),
    getFormatter(),
  ]);
  const step = (e: AuditRow) => {
    const { from, to } = e.details as { from?: string; to?: string };
    return from && to ? `${t(`status.${from}` as never)} → ${t(`status.${to}` as never)}` : null;
  };
  return (
    <RecordTable
      variant="inset"
      flush
      caption={t("sections.history")}
      empty={{ title: t("noHistory") }}
      rows={events}
      rowKey={(e) => e.seq}
      columns={[
        {
          header: t("historyWhen"),
          cell: (e) => (
            <time dateTime={e.occurredAt}>
              {format.dateTime(new Date(e.occurredAt), {
                dateStyle: "short",
                timeStyle: "short",
                timeZone: "Asia/Shanghai",
              })}
            </time>
          ),
          className: "whitespace-nowrap text-slate-600 tabular-nums",
        },
        {
          header: t("historyWhat"),
          cell: (e) => (
            <>
              {actionLabel(audit, e.action)}
              {step(e) && <span className="block text-xs text-slate-500">{step(e)}</span>}
            </>
          ),
          className: "text-slate-800",
        },
      ]}
    />
  );
}
