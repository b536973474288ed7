import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { CalendarYearRow } from "@/lib/requests/calendar-admin";

/** A year read-only, for people who may read requests but not manage the calendar. */
export function CalendarYearView({ year }: { year: CalendarYearRow }) {
  const t = useTranslations("requests");
  return (
    <Card title={t("calendar.yearTitle", { year: year.year })}>
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t("calendar.holidays")}</caption>
        <thead><tr className="text-left text-xs text-slate-500"><th className="py-1">{t("calendar.name")}</th><th>{t("calendar.from")}</th><th>{t("calendar.to")}</th></tr></thead>
        <tbody>
          {year.holidays.map((h) => <tr key={h.from}><td className="py-1">{h.name}</td><td className="tabular-nums">{h.from}</td><td className="tabular-nums">{h.to}</td></tr>)}
        </tbody>
      </table>
      <p className="mt-4 text-sm"><span className="font-medium">{t("calendar.makeup")}:</span> {year.makeupWorkdays.join("、") || t("calendar.noneShort")}</p>
      {year.source && <p className="mt-2 text-xs text-slate-500">{t("calendar.source")}: {year.source}</p>}
    </Card>
  );
}
