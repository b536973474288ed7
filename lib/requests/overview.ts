import "server-only";
import { and, eq, gte, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { dataSubjectRequests, type RequestType } from "@/db/schema";
import type { CustomerLaw } from "@/db/schema/customers";
import { addDays, todayIso } from "@/lib/core/dates";
import { workingCalendarOf } from "./calendar-store";
import { clockRules } from "./clock-rules";
import { dueSoonBounds, slaCondition, slaFilters } from "./queue";
import { openStatuses } from "./transitions";

const r = dataSubjectRequests;
const countWhere = (condition: ReturnType<typeof slaCondition>) =>
  sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

/** Open requests per SLA state, with the same conditions the queue's SLA filter uses. */
export async function openRequestsBySla(
  tx: Tx,
  orgId: string,
  today = todayIso(),
): Promise<Record<(typeof slaFilters)[number], number>> {
  const bounds = dueSoonBounds(today, await workingCalendarOf(tx, orgId));
  const [row] = await tx
    .select(
      Object.fromEntries(
        slaFilters.map((sla) => [sla, countWhere(slaCondition(sla, bounds))]),
      ) as Record<(typeof slaFilters)[number], ReturnType<typeof countWhere>>,
    )
    .from(r)
    // Only open requests can be in an SLA state: the partial open index serves this.
    .where(and(eq(r.orgId, orgId), inArray(r.status, [...openStatuses])));
  return row;
}

/** Median calendar days from receipt to closing, per type, over requests closed in the last 90 days (duplicates left out). */
export async function medianDaysToClose(
  tx: Tx,
  orgId: string,
  today = todayIso(),
): Promise<Array<{ type: RequestType; median: number; count: number }>> {
  const days = sql`((${r.closedAt} at time zone 'Asia/Shanghai')::date - ${r.receivedOn})`;
  const rows = await tx
    .select({
      type: r.type,
      median: sql<number>`percentile_cont(0.5) within group (order by ${days})`.mapWith(Number),
      count: sql<number>`count(*)`.mapWith(Number),
    })
    .from(r)
    .where(
      and(
        eq(r.orgId, orgId),
        isNotNull(r.closedAt),
        isNull(r.duplicateOfId),
        gte(r.closedAt, new Date(`${addDays(today, -90)}T00:00:00+08:00`)),
      ),
    )
    .groupBy(r.type)
    .orderBy(r.type);
  return rows;
}

/** Requests received per ISO week (Monday) and type over the last `weeks` weeks, oldest first. */
export async function weeklyVolume(
  tx: Tx,
  orgId: string,
  weeks = 12,
  today = todayIso(),
): Promise<{ weeks: string[]; byType: Partial<Record<RequestType, number[]>> }> {
  const monday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
  const first = addDays(monday, -7 * (weeks - 1));
  const labels = Array.from({ length: weeks }, (_, i) => addDays(first, 7 * i));
  const week = sql<string>`to_char(date_trunc('week', ${r.receivedOn}::timestamp), 'YYYY-MM-DD')`;
  const rows = await tx
    .select({ week, type: r.type, n: sql<number>`count(*)`.mapWith(Number) })
    .from(r)
    .where(and(eq(r.orgId, orgId), gte(r.receivedOn, first), isNull(r.duplicateOfId)))
    .groupBy(week, r.type);
  const byType: Partial<Record<RequestType, number[]>> = {};
  for (const row of rows) {
    const index = labels.indexOf(row.week);
    if (index < 0) continue;
    (byType[row.type] ??= labels.map(() => 0))[index] = row.n;
  }
  return { weeks: labels, byType };
}

/**
 * Open requests whose stored due date is provisional (its window reaches a year with no published
 * working calendar), and the years missing; a handful of groups, one per start and due year.
 */
export async function provisionalDueDates(
  tx: Tx,
  orgId: string,
): Promise<{ count: number; years: number[] }> {
  const calendar = await workingCalendarOf(tx, orgId);
  const workingLaws = (Object.keys(clockRules) as CustomerLaw[]).filter(
    (law) => clockRules[law].respond.unit === "working_days",
  );
  if (workingLaws.length === 0) return { count: 0, years: [] };
  const fromYear =
    sql<number>`extract(year from coalesce(${r.verifiedOn}, ${r.receivedOn}))::int`.mapWith(Number);
  const toYear = sql<number>`extract(year from ${r.dueOn})::int`.mapWith(Number);
  const groups = await tx
    .select({ fromYear, toYear, n: sql<number>`count(*)`.mapWith(Number) })
    .from(r)
    .where(
      and(
        eq(r.orgId, orgId),
        inArray(r.status, [...openStatuses]),
        inArray(r.law, workingLaws),
        isNotNull(r.dueOn),
      ),
    )
    .groupBy(fromYear, toYear);
  const years = new Set<number>();
  let count = 0;
  for (const g of groups) {
    if (calendar.coversRange(`${g.fromYear}`, `${g.toYear}`)) continue;
    count += g.n;
    for (let y = g.fromYear; y <= g.toYear; y += 1)
      if (!calendar.publishedYears().includes(y)) years.add(y);
  }
  return { count, years: [...years].sort() };
}
