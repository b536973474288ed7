/**
 * Calendar dates as ISO strings ("2026-03-31"), the form PostgreSQL `date` columns use. Deadlines
 * (vendor reviews, request clocks, effective dates) are days, not instants, so they are counted in
 * the organisation's time zone.
 */
export const ORG_TIME_ZONE = "Asia/Shanghai";

/** Today's date where the organisation works (Beijing time). */
export function todayIso(now: Date = new Date(), timeZone: string = ORG_TIME_ZONE): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

const iso = (utc: Date) => utc.toISOString().slice(0, 10);

/** YYYY-MM-DD when the day exists on the calendar (no 2014-02-30) and is from 1900 on, else null. */
export function calendarDate(year: number, month: number, day: number): string | null {
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    utc.getUTCFullYear() !== year ||
    utc.getUTCMonth() !== month - 1 ||
    utc.getUTCDate() !== day
  )
    return null;
  return iso(utc);
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number);
  return [y, m, d];
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return iso(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Adds calendar months, keeping the day but clamping to the month's end (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
