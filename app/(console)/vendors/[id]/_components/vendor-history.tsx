import { getTranslations } from "next-intl/server";
import { getDates } from "@/lib/core/i18n/dates";
import { RecordTable } from "@/components/ui/record-table";
import { actionLabel } from "@/lib/core/audit/action-label";
import type { AuditRow } from "@/lib/core/audit/queries";

/** The vendor's audit trail: who did what, when, and which fields an edit changed (names only). */
export async function VendorHistory({ events }: { events: AuditRow[] }) {
  const [t, audit, format] = await Promise.all([
    getTranslations("vendors"),
    getTranslations("audit"),
    getDates(),
  ]);
  const who = (e: AuditRow) =>
    e.actorType === "system" ? t("detail.system") : (e.actorName ?? t("detail.unknownActor"));
  const fieldNames = (e: AuditRow) => {
    const fields = Array.isArray(e.details.fields) ? (e.details.fields as string[]) : null;
    if (!fields) return null;
    if (fields.length === 0) return t("detail.noChanges");
    return fields.map((f) => (t.has(`fields.${f}`) ? t(`fields.${f}` as never) : f)).join("、");
  };
  return (
    <RecordTable
      variant="inset"
      flush
      caption={t("detail.historyCaption")}
      empty={{ title: t("detail.noHistory") }}
      rows={events}
      rowKey={(e) => e.seq}
      columns={[
        {
          header: t("detail.when"),
          cell: (e) => <time dateTime={e.occurredAt}>{format.instant(e.occurredAt)}</time>,
          className: "whitespace-nowrap text-slate-600 tabular-nums",
        },
        { header: t("detail.who"), cell: who, className: "whitespace-nowrap text-slate-800" },
        {
          header: t("detail.what"),
          cell: (e) => actionLabel(audit, e.action),
          className: "whitespace-nowrap text-slate-800",
        },
        { header: t("detail.changes"), cell: fieldNames, className: "text-slate-600" },
      ]}
    />
  );
}
