import { asAppLocale } from "./locale";

/** The zone an organisation's times are shown in until it picks another (its setting). */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

export type DateStyle = "dateTime" | "date" | "time" | "seconds";

/**
 * The one way the app writes a date or a time, per language: Chinese readers get
 * 2026-03-31 17:05, English readers 31 Mar 2026, 17:05 (24-hour clock in both). Instants are shown
 * on the wall clock of `timeZone` (the organisation's); `day` formats a calendar day
 * ("2026-03-31", a `date` column), which has no zone.
 */
export function formatInstant(
  value: Date | string,
  locale: string,
  timeZone: string,
  style: DateStyle = "dateTime",
): string {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "";
  const parts = wallClock(date, timeZone);
  const day = dayText(Number(parts.year), Number(parts.month), Number(parts.day), locale);
  const time = `${parts.hour}:${parts.minute}${style === "seconds" ? `:${parts.second}` : ""}`;
  if (style === "date") return day;
  if (style === "time") return time;
  return asAppLocale(locale) === "en" ? `${day}, ${time}` : `${day} ${time}`;
}

/** A calendar day ("2026-03-31") in the reader's format; anything else is returned as it is. */
export function formatDay(isoDay: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  return match ? dayText(Number(match[1]), Number(match[2]), Number(match[3]), locale) : isoDay;
}

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

function dayText(year: number, month: number, day: number, locale: string): string {
  return asAppLocale(locale) === "en"
    ? `${day} ${months[month - 1]} ${year}`
    : `${year}-${pad(month)}-${pad(day)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** What `timeZone`'s clocks showed at `date`: numeric parts, 24-hour ("2026", "03", "31", "17"…). */
export function wallClock(
  date: Date,
  timeZone: string,
): Record<"year" | "month" | "day" | "hour" | "minute" | "second", string> {
  return Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  ) as never;
}

/** One formatter per zone, kept: they are costly to make. */
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Dates as one reader sees them: their language, the organisation's zone. */
export interface Dates {
  locale: string;
  timeZone: string;
  /** An instant on the organisation's wall clock. */
  instant(value: Date | string, style?: DateStyle): string;
  /** A calendar day ("2026-03-31"). */
  day(isoDay: string): string;
}

export function datesFor(locale: string, timeZone: string): Dates {
  return {
    locale,
    timeZone,
    instant: (value, style) => formatInstant(value, locale, timeZone, style),
    day: (isoDay) => formatDay(isoDay, locale),
  };
}
