import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { WeekPoint } from "./dashboard";

/**
 * Weekly decisions per purpose over the window, bucketed by the week (China time) the customer
 * decided in, among receipts recorded and occurred since the window's first Monday.
 *
 * Receipts recorded before the organisation's `counted_until` come from consent_daily_counts (the
 * consent-rollup job's counts per recording and occurrence day, China time); those recorded from
 * then on (minutes' worth) are counted live, a short range of consent_events_recorded_idx. A day
 * can be partly in each: both halves bucket by the China-time day the receipt occurred on, and
 * the window starts at a China midnight, so together they are exactly the receipts recorded and
 * occurred since it. One statement, so both halves see one snapshot: a rollup committing
 * meanwhile can neither drop nor double a receipt. The range is closed above: a receipt this
 * statement can see was recorded (its transaction began) before the statement, so the minute of
 * margin drops nothing real and keeps rows stamped in the future (bulk-loaded test data) from
 * turning the range into a scan to the end of the index.
 */
export async function weeklySeries(
  tx: Tx,
  orgId: string,
  weeks: string[],
): Promise<Record<string, WeekPoint[]>> {
  const startDay = weeks[0];
  const start = `${startDay}T00:00:00+08:00`;
  const result = await tx.execute<{
    purpose_id: string;
    week: string;
    grants: number;
    decisions: number;
    withdrawals: number;
    gpc: number;
  }>(sql`
    with counted as (
      select purpose_id, occurred_on::timestamp as occurred, action, gpc, count
      from consent_daily_counts
      where org_id = ${orgId} and recorded_on >= ${startDay}::date and occurred_on >= ${startDay}::date
      union all
      select purpose_id, occurred_at at time zone 'Asia/Shanghai', action, gpc, 1
      from consent_events
      where org_id = ${orgId} and occurred_at >= ${start}::timestamptz
        and recorded_at >= greatest(${start}::timestamptz, (select counted_until from consent_rollup_state where org_id = ${orgId}))
        and recorded_at < statement_timestamp() + interval '1 minute'
    )
    select purpose_id,
      to_char(date_trunc('week', occurred), 'YYYY-MM-DD') as week,
      coalesce(sum(count) filter (where action = 'grant'), 0)::int as grants,
      sum(count)::int as decisions,
      coalesce(sum(count) filter (where action = 'withdraw'), 0)::int as withdrawals,
      coalesce(sum(count) filter (where gpc), 0)::int as gpc
    from counted
    group by 1, 2`);
  const series: Record<string, WeekPoint[]> = {};
  for (const row of result.rows) {
    const points = (series[row.purpose_id] ??= weeks.map((week) => ({
      week,
      grants: 0,
      decisions: 0,
      withdrawals: 0,
      gpc: 0,
    })));
    const point = points.find((p) => p.week === row.week);
    if (point)
      Object.assign(point, {
        grants: row.grants,
        decisions: row.decisions,
        withdrawals: row.withdrawals,
        gpc: row.gpc,
      });
  }
  return series;
}
