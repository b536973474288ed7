import { getTranslations } from "next-intl/server";
import { getDates } from "@/lib/core/i18n/dates";
import { RecordTable } from "@/components/ui/record-table";
import { actionLabel } from "@/lib/core/audit/action-label";
import type { AuditRow } from "@/lib/core/audit/queries";

/** The incident's audit trail: who did what and when, status steps named. */
export async function IncidentHistory({ events }: { events: AuditRow[] }) {
  const [t, audit, format] = await Promise.all([
    getTranslations("incidents"),
    getTranslations("audit"),
    getDates(),
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
          cell: (e) => <time dateTime={e.occurredAt}>{format.instant(e.occurredAt)}</time>,
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
