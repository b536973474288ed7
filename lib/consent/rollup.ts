import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { consentPurposeSnapshots, consentRollupState } from "@/db/schema";
import { liveStateFigures } from "./dashboard-state";

/**
 * The instant before which every receipt is committed and visible. A receipt's `recorded_at` is its
 * writing transaction's start, and it becomes visible at commit: so that is 5 minutes ago (grace),
 * or earlier, the start of the oldest transaction still open in this database. The app role sees its
 * own sessions' transactions in pg_stat_activity, and every receipt is written by the app role (bulk
 * loads as the owner must keep `recorded_at` in the past). pg_stat_activity is read once per
 * transaction and then kept: the snapshot is cleared first so an earlier read cannot hide a newer
 * transaction.
 */
export async function countingCutoff(tx: Tx): Promise<string> {
  await tx.execute(sql`select pg_stat_clear_snapshot()`);
  const result = await tx.execute<{ cutoff: string }>(sql`
    select least(
      clock_timestamp() - interval '5 minutes',
      (select min(xact_start) from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid() and xact_start is not null)
    )::text as cutoff`);
  return result.rows[0].cutoff;
}

/**
 * Adds the receipts recorded from the organisation's `counted_until` (else from the first) up to
 * the counting cutoff to consent_daily_counts, per China-time recording and occurrence day, in one
 * INSERT … SELECT over that range of consent_events_recorded_idx, and moves `counted_until` to the
 * cutoff in the same transaction: a day's rows grow run by run until the day is over. The state
 * row is locked first, so concurrent or repeated runs count each receipt exactly once (a cutoff
 * taken before waiting for the lock is still safe, and the watermark never moves back). `before`
 * (an instant) stops earlier: a backfill in steps, a test. Returns the number of receipts counted.
 */
export async function rollUpDailyCounts(tx: Tx, orgId: string, before?: string): Promise<number> {
  await tx.execute(
    sql`insert into consent_rollup_state (org_id) values (${orgId}) on conflict (org_id) do nothing`,
  );
  const cutoff = await countingCutoff(tx);
  const state = await tx.execute<{ from: string; until: string }>(sql`
    select coalesce(counted_until, '-infinity')::text as from,
      greatest(counted_until, least(${cutoff}::timestamptz, ${before ?? null}::timestamptz))::text as until
    from consent_rollup_state where org_id = ${orgId} for update`);
  const { from, until } = state.rows[0];
  if (from === until) return 0;
  const counted = await tx.execute<{ n: number }>(sql`
    with recorded as (
      select org_id, (recorded_at at time zone 'Asia/Shanghai')::date as recorded_on, (occurred_at at time zone 'Asia/Shanghai')::date as occurred_on,
        purpose_id, action, gpc, count(*)::int as count
      from consent_events
      where org_id = ${orgId} and recorded_at >= ${from}::timestamptz and recorded_at < ${until}::timestamptz
      group by 1, 2, 3, 4, 5, 6
    ), added as (
      insert into consent_daily_counts as d (org_id, recorded_on, occurred_on, purpose_id, action, gpc, count)
      select * from recorded
      on conflict (org_id, recorded_on, occurred_on, purpose_id, action, gpc) do update set count = d.count + excluded.count
    )
    select coalesce(sum(count), 0)::int as n from recorded`);
  await tx.execute(
    sql`update consent_rollup_state set counted_until = ${until}::timestamptz where org_id = ${orgId}`,
  );
  return counted.rows[0].n;
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
    await tx.insert(consentPurposeSnapshots).values(
      figures.purposes.map((p) => {
        const r = reconsent.get(p.id);
        return {
          orgId,
          purposeId: p.id,
          granted: p.granted,
          denied: p.denied,
          withdrawn: p.withdrawn,
          reconsentSince: r?.since ?? null,
          waiting: r?.waiting ?? null,
          reconsented: r?.reconsented ?? null,
        };
      }),
    );
  }
  const snapshot = { gpcCustomers: figures.gpcCustomers, snapshotAt: taken.rows[0].at };
  await tx
    .insert(consentRollupState)
    .values({ orgId, ...snapshot })
    .onConflictDoUpdate({ target: consentRollupState.orgId, set: snapshot });
}
