import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { consentPurposeSnapshots, consentRollupState } from "@/db/schema";
import { liveStateFigures } from "./dashboard-state";

/**
 * A receipt's `recorded_at` is its writing transaction's start, and it becomes visible at commit.
 * So a recording day (China time) is complete once it ended at least a grace period ago and no
 * transaction that began before its end is still open: the first day after that is the first open
 * one. The app role sees its own sessions' transactions in pg_stat_activity, and every receipt is
 * written by the app role (bulk loads as the owner must keep `recorded_at` in the past).
 */
export async function firstOpenDay(tx: Tx): Promise<string> {
  const result = await tx.execute<{ day: string }>(sql`
    select to_char((least(
      clock_timestamp() - interval '5 minutes',
      (select min(xact_start) from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid() and xact_start is not null)
    ) at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as day`);
  return result.rows[0].day;
}

/**
 * Counts every complete recording day from the organisation's `pending_from` (else its first
 * receipt's day) up to the first open day into consent_daily_counts, in one INSERT … SELECT over
 * that range of consent_events_recorded_idx, and moves `pending_from` in the same transaction.
 * The state row is locked first, so concurrent or repeated runs count each day exactly once.
 * `before` stops earlier (a backfill in steps, a test). Returns the number of days counted.
 */
export async function rollUpDailyCounts(tx: Tx, orgId: string, before?: string): Promise<number> {
  await tx.execute(sql`insert into consent_rollup_state (org_id) values (${orgId}) on conflict (org_id) do nothing`);
  const open = await firstOpenDay(tx);
  const until = before !== undefined && before < open ? before : open;
  const state = await tx.execute<{ from: string }>(sql`
    select to_char(coalesce(r.pending_from,
      (select (min(recorded_at) at time zone 'Asia/Shanghai')::date from consent_events where org_id = ${orgId}),
      ${until}::date), 'YYYY-MM-DD') as from
    from consent_rollup_state r where r.org_id = ${orgId} for update`);
  const from = state.rows[0].from;
  if (from >= until) return 0;
  await tx.execute(sql`
    insert into consent_daily_counts (org_id, recorded_on, occurred_on, purpose_id, action, gpc, count)
    select org_id, (recorded_at at time zone 'Asia/Shanghai')::date, (occurred_at at time zone 'Asia/Shanghai')::date,
      purpose_id, action, gpc, count(*)::int
    from consent_events
    where org_id = ${orgId}
      and recorded_at >= ${from}::date::timestamp at time zone 'Asia/Shanghai'
      and recorded_at < ${until}::date::timestamp at time zone 'Asia/Shanghai'
    group by 1, 2, 3, 4, 5, 6`);
  await tx.execute(sql`update consent_rollup_state set pending_from = ${until}::date where org_id = ${orgId}`);
  return Math.round((Date.parse(until) - Date.parse(from)) / 86_400_000);
}

/**
 * Replaces the organisation's consent-state snapshot (counts and re-consent progress per purpose,
 * customers opted out by GPC) with the figures computed now, stamped with the time they were read.
 */
export async function snapshotConsentState(tx: Tx, orgId: string): Promise<void> {
  const taken = await tx.execute<{ at: string }>(sql`select clock_timestamp()::text as at`);
  const figures = await liveStateFigures(tx, orgId);
  const reconsent = new Map(figures.reconsent.map((r) => [r.id, r]));
  await tx.delete(consentPurposeSnapshots).where(eq(consentPurposeSnapshots.orgId, orgId));
  if (figures.purposes.length > 0) {
    await tx.insert(consentPurposeSnapshots).values(figures.purposes.map((p) => {
      const r = reconsent.get(p.id);
      return { orgId, purposeId: p.id, granted: p.granted, denied: p.denied, withdrawn: p.withdrawn, reconsentSince: r?.since ?? null, waiting: r?.waiting ?? null, reconsented: r?.reconsented ?? null };
    }));
  }
  const snapshot = { gpcCustomers: figures.gpcCustomers, snapshotAt: taken.rows[0].at };
  await tx.insert(consentRollupState).values({ orgId, ...snapshot }).onConflictDoUpdate({ target: consentRollupState.orgId, set: snapshot });
}
