import "server-only";
import { calendarReminders } from "@/db/schema";
import { todayIso } from "@/lib/core/dates";
import { forEachOrganization } from "@/lib/core/jobs/for-each-org";
import { defineJob, jobActor } from "@/lib/core/jobs/job";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { calendarYearToEnter } from "./calendar-reminder";
import { workingCalendarOf } from "./calendar-store";

/**
 * From 1 November, reminds the organisation's administrators to enter next year's working
 * calendar: one reminder per organisation and year (its row, audited once), which becomes their
 * task until the year is entered. Returns the year reminded of this run, or null (nothing to do,
 * or already reminded).
 */
export async function remindToEnterCalendar(
  { tx, orgId, audit }: TenantContext,
  today: string,
): Promise<number | null> {
  const year = calendarYearToEnter(await workingCalendarOf(tx, orgId), today);
  if (year === null) return null;
  const [created] = await tx
    .insert(calendarReminders)
    .values({ orgId, year })
    .onConflictDoNothing()
    .returning({ year: calendarReminders.year });
  if (!created) return null;
  await audit({
    action: "calendar.reminder_created",
    targetType: "working_calendar",
    targetId: `CN-${year}`,
    details: { year },
  });
  return year;
}

/** Daily at 01:00 UTC (09:00 Beijing), once per organisation, each in its own transaction. */
export const calendarReminderJob = defineJob({
  name: "calendar-reminder",
  cron: "0 1 * * *",
  audits: ["calendar.reminder_created"],
  run: async () => {
    const today = todayIso();
    await forEachOrganization(jobActor("calendar-reminder"), async (ctx) => {
      await remindToEnterCalendar(ctx, today);
    });
  },
});
