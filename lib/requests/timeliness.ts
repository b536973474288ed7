import "server-only";
import { and, eq, gte, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { dataSubjectRequests } from "@/db/schema";
import { addDays, todayIso } from "@/lib/core/dates";
import { openStatuses } from "./transitions";

const r = dataSubjectRequests;

/**
 * Whether requests were answered in time: of those closed in the `days` before `today` (duplicates
 * left out), how many closed on or before their due day (Beijing date of closing), and how many
 * open requests are past their due day now. Counts only.
 */
export async function requestTimeliness(tx: Tx, orgId: string, today = todayIso(), days = 365) {
  const closedOn = sql`(${r.closedAt} at time zone 'Asia/Shanghai')::date`;
  const [closed] = await tx
    .select({
      closed: sql<number>`count(*)`.mapWith(Number),
      onTime:
        sql<number>`count(*) filter (where ${r.dueOn} is null or ${closedOn} <= ${r.dueOn})`.mapWith(
          Number,
        ),
    })
    .from(r)
    .where(
      and(
        eq(r.orgId, orgId),
        isNotNull(r.closedAt),
        isNull(r.duplicateOfId),
        gte(r.closedAt, new Date(`${addDays(today, -days)}T00:00:00+08:00`)),
      ),
    );
  const [open] = await tx
    .select({ overdue: sql<number>`count(*)`.mapWith(Number) })
    .from(r)
    .where(and(eq(r.orgId, orgId), inArray(r.status, [...openStatuses]), lt(r.dueOn, today)));
  return { closed: closed.closed, onTime: closed.onTime, openOverdue: open.overdue };
}
