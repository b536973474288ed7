import { getDates } from "@/lib/core/i18n/dates";
import type { DateStyle } from "@/lib/core/i18n/format-date";

/**
 * An instant on the organisation's clock in the reader's format, with the exact UTC instant on
 * hover and for machines. The portal passes its organisation's `timeZone`.
 */
export async function EventTime({
  iso,
  style = "dateTime",
  timeZone,
}: {
  iso: string | Date;
  style?: DateStyle;
  timeZone?: string;
}) {
  const dates = await getDates(timeZone);
  const exact = typeof iso === "string" ? iso : iso.toISOString();
  return (
    <time
      dateTime={exact}
      title={`${exact.replace("T", " ").replace("Z", "")} UTC`}
      className="whitespace-nowrap tabular-nums"
    >
      {dates.instant(exact, style)}
    </time>
  );
}

/** A calendar day ("2026-03-31", a date column) in the reader's format. */
export async function CalendarDay({ iso }: { iso: string }) {
  const dates = await getDates();
  return (
    <time dateTime={iso} className="whitespace-nowrap tabular-nums">
      {dates.day(iso)}
    </time>
  );
}
