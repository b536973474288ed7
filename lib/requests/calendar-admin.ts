import "server-only";
import { and, arrayContains, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { dataSubjectRequests, workingCalendars } from "@/db/schema";
import type { AuditEntry } from "@/lib/core/audit/record";
import { AppError } from "@/lib/core/errors";
import { refreshDueDate } from "./clock";
import type { CalendarYearInput } from "./schemas";
import { openStatuses } from "./transitions";

export type CalendarYearRow = typeof workingCalendars.$inferSelect;

export async function listCalendarYears(tx: Tx, orgId: string): Promise<CalendarYearRow[]> {
  return tx
    .select()
    .from(workingCalendars)
    .where(and(eq(workingCalendars.orgId, orgId), eq(workingCalendars.calendar, "CN")))
    .orderBy(asc(workingCalendars.year));
}

/**
 * Saves (or adds) one year of the PRC working calendar, audited, and recomputes the stored due
 * dates of open PIPL requests, the only clock that counts PRC working days. A new year must follow
 * the last one (or precede the first) so the calendar has no holes.
 */
export async function saveCalendarYear(
  ctx: { tx: Tx; orgId: string; audit: (entry: AuditEntry) => Promise<void> },
  input: CalendarYearInput,
  opts: { adding: boolean },
): Promise<{ refreshed: number }> {
  const { tx, orgId } = ctx;
  const years = (await listCalendarYears(tx, orgId)).map((y) => y.year);
  const exists = years.includes(input.year);
  if (opts.adding && exists) throw new AppError("conflict", { year: "conflict" });
  if (!opts.adding && !exists) throw new AppError("notFound");
  if (
    opts.adding &&
    years.length > 0 &&
    input.year !== Math.max(...years) + 1 &&
    input.year !== Math.min(...years) - 1
  ) {
    throw new AppError("invalid", { year: "invalid" });
  }
  const values = {
    holidays: input.holidays,
    makeupWorkdays: [...input.makeupWorkdays].sort(),
    source: input.source ?? null,
  };
  await tx
    .insert(workingCalendars)
    .values({ orgId, calendar: "CN", year: input.year, ...values })
    .onConflictDoUpdate({
      target: [workingCalendars.orgId, workingCalendars.calendar, workingCalendars.year],
      set: { ...values, updatedAt: sql`now()` },
    });
  await ctx.audit({
    action: "calendar.updated",
    targetType: "working_calendar",
    targetId: `CN-${input.year}`,
    details: {
      year: input.year,
      holidays: input.holidays.length,
      makeupWorkdays: input.makeupWorkdays.length,
      added: opts.adding,
    },
  });

  const open = await tx
    .select({ id: dataSubjectRequests.id })
    .from(dataSubjectRequests)
    .where(
      and(
        eq(dataSubjectRequests.orgId, orgId),
        arrayContains(dataSubjectRequests.laws, ["PIPL"]),
        inArray(dataSubjectRequests.status, [...openStatuses]),
        isNotNull(dataSubjectRequests.verifiedOn),
      ),
    );
  for (const { id } of open) await refreshDueDate(tx, orgId, id);
  return { refreshed: open.length };
}
