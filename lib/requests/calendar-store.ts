import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import prc2026 from "@/db/reference/prc-working-calendar-2026.json";
import { workingCalendars } from "@/db/schema";
import { WorkingCalendar, type CalendarYear } from "./working-calendar";

/** The published years every new organisation starts with (the State Council's notices). */
export const publishedCalendarYears: Array<CalendarYear & { source: string }> = [
  {
    year: prc2026.year,
    holidays: prc2026.holidays,
    makeupWorkdays: prc2026.makeup_workdays,
    source: prc2026.source,
  },
];

export async function seedWorkingCalendars(tx: Tx, orgId: string): Promise<void> {
  await tx
    .insert(workingCalendars)
    .values(publishedCalendarYears.map((y) => ({ orgId, ...y })))
    .onConflictDoNothing();
}

/** The organisation's PRC working-day calendar, every year it has. */
export async function workingCalendarOf(tx: Tx, orgId: string): Promise<WorkingCalendar> {
  const rows = await tx
    .select({
      year: workingCalendars.year,
      holidays: workingCalendars.holidays,
      makeupWorkdays: workingCalendars.makeupWorkdays,
    })
    .from(workingCalendars)
    .where(and(eq(workingCalendars.orgId, orgId), eq(workingCalendars.calendar, "CN")));
  return new WorkingCalendar(rows);
}
