import type { WorkingCalendar } from "./working-calendar";

/** The State Council publishes next year's holiday arrangements in November: the reminder starts on 1 November. */
export const REMINDER_FROM = "11-01";

/** Next year, when `today` is on or after 1 November and that year's calendar is not entered; else null. */
export function calendarYearToEnter(calendar: WorkingCalendar, today: string): number | null {
  const next = Number(today.slice(0, 4)) + 1;
  return today.slice(5) >= REMINDER_FROM && !calendar.coversRange(`${next}`, `${next}`)
    ? next
    : null;
}
