import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { RecordTable } from "@/components/ui/record-table";
import type { CalendarYearRow } from "@/lib/requests/calendar-admin";

/** A year read-only, for people who may read requests but not manage the calendar. */
export function CalendarYearView({ year }: { year: CalendarYearRow }) {
  const t = useTranslations("requests");
  return (
    <Card title={t("calendar.yearTitle", { year: year.year })}>
      <RecordTable
        variant="inset"
        dense
        caption={t("calendar.holidays")}
        rows={year.holidays}
        rowKey={(h) => h.from}
        columns={[
          { header: t("calendar.name"), cell: (h) => h.name },
          { header: t("calendar.from"), cell: (h) => h.from, className: "tabular-nums" },
          { header: t("calendar.to"), cell: (h) => h.to, className: "tabular-nums" },
        ]}
      />
      <p className="mt-4 text-sm">
        <span className="font-medium">{t("calendar.makeup")}:</span>{" "}
        {year.makeupWorkdays.join("、") || t("calendar.noneShort")}
      </p>
      {year.source && (
        <p className="mt-2 text-xs text-slate-500">
          {t("calendar.source")}: {year.source}
        </p>
      )}
    </Card>
  );
}
