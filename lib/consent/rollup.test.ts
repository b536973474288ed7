import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb, type Tx } from "@/db/client";
import { purposes } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { consoleFixture, daysAgo, record } from "./console-test-support";
import { consentDashboard, windowWeeks, type WeekPoint } from "./dashboard";
import { liveStateFigures, stateFigures } from "./dashboard-state";
import { firstOpenDay, rollUpDailyCounts, snapshotConsentState } from "./rollup";

afterAll(closeAppDb);

const DAY = 86_400_000;
let f: Awaited<ReturnType<typeof consoleFixture>>;
const now = new Date();
/** A China-time calendar day `n` days before today, and the instant that day starts. */
const chinaDay = (n: number) => new Date(now.getTime() + 8 * 3_600_000 - n * DAY).toISOString().slice(0, 10);
const dayStart = (n: number) => Date.parse(`${chinaDay(n)}T00:00:00+08:00`);

interface Receipt { customerId: string; purposeId: string; action: "grant" | "deny" | "withdraw"; gpc: boolean; occurredAt: number; recordedAt: number }

/**
 * Receipts with chosen `recorded_at` days, written as the owner (the app always records "now").
 * Only the fields the dashboard reads are meaningful; hashes and batch root are placeholders.
 */
async function insertRecorded(orgId: string, receipts: Receipt[]): Promise<void> {
  const owner = new Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
  try {
    const batchId = randomUUID();
    await owner.query("insert into consent_batches (org_id, id, source, event_count, merkle_root) values ($1, $2, 'platform_api', $3, $4)", [orgId, batchId, receipts.length, "0".repeat(64)]);
    for (const [i, r] of receipts.entries()) {
      await owner.query(
        `insert into consent_events (org_id, customer_id, purpose_id, action, channel, gpc, source, occurred_at, recorded_at, batch_id, batch_seq, content_hash)
         values ($1, $2, $3, $4, 'app', $5, 'platform_api', $6, $7, $8, $9, $10)`,
        [orgId, r.customerId, r.purposeId, r.action, r.gpc, new Date(r.occurredAt).toISOString(), new Date(r.recordedAt).toISOString(), batchId, i, Buffer.alloc(32)],
      );
    }
  } finally {
    await owner.end();
  }
}

/** The weekly series straight from consent_events, as the dashboard computed it before the rollup existed. */
async function liveSeries(tx: Tx, orgId: string, weeks: string[]) {
  const start = `${weeks[0]}T00:00:00+08:00`;
  const result = await tx.execute<{ purpose_id: string; week: string; grants: number; decisions: number; withdrawals: number; gpc: number }>(sql`
    select purpose_id, to_char(date_trunc('week', occurred_at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD') as week,
      count(*) filter (where action = 'grant')::int as grants, count(*)::int as decisions,
      count(*) filter (where action = 'withdraw')::int as withdrawals, count(*) filter (where gpc)::int as gpc
    from consent_events
    where org_id = ${orgId} and recorded_at >= ${start}::timestamptz and occurred_at >= ${start}::timestamptz
    group by 1, 2`);
  const series: Record<string, WeekPoint[]> = {};
  for (const { purpose_id: id, week, ...counts } of result.rows) {
    const points = (series[id] ??= weeks.map((w) => ({ week: w, grants: 0, decisions: 0, withdrawals: 0, gpc: 0 })));
    const point = points.find((p) => p.week === week);
    if (point) Object.assign(point, counts);
  }
  return series;
}

const dashboard = () => withTenant(f.orgId, (tx) => consentDashboard(tx, f.orgId, now));
const rollUp = (before?: string) => withTenant(f.orgId, (tx) => rollUpDailyCounts(tx, f.orgId, before));
const reference = () => withTenant(f.orgId, (tx) => liveSeries(tx, f.orgId, windowWeeks(now)));
const countedTotal = () => withTenant(f.orgId, async (tx) =>
  (await tx.execute<{ n: number; pending: string | null }>(sql`
    select (select coalesce(sum(count), 0)::int from consent_daily_counts where org_id = ${f.orgId}) as n,
      (select to_char(pending_from, 'YYYY-MM-DD') from consent_rollup_state where org_id = ${f.orgId}) as pending`)).rows[0]);

beforeAll(async () => {
  f = await consoleFixture();
  const [a, b, c] = f.customers;
  const ids = [f.marketing, f.sale, f.location];
  const receipts: Receipt[] = [];
  // Three weeks of days, several receipts a day: same-day decisions, late arrivals (occurred days
  // before they were recorded), GPC opt-outs, and the last millisecond of a China-time day.
  for (let n = 1; n <= 21; n++) {
    const start = dayStart(n);
    for (const [i, customerId] of [a, b, c].entries()) {
      const purposeId = ids[(n + i) % ids.length];
      receipts.push({ customerId, purposeId, action: (["grant", "deny", "withdraw"] as const)[(n * i) % 3], gpc: purposeId === f.sale && i === 2, occurredAt: start + i * 3_600_000, recordedAt: start + i * 3_600_000 + 2_000 });
    }
    receipts.push({ customerId: a, purposeId: f.marketing, action: "grant", gpc: false, occurredAt: start - 3 * DAY, recordedAt: start + DAY - 1 });
    receipts.push({ customerId: b, purposeId: f.sale, action: "withdraw", gpc: true, occurredAt: start + DAY - 1, recordedAt: start + DAY });
  }
  // Recorded in the window but decided before it; and recorded long before the window.
  receipts.push({ customerId: c, purposeId: f.marketing, action: "grant", gpc: false, occurredAt: dayStart(120), recordedAt: dayStart(5) + 60_000 });
  receipts.push({ customerId: c, purposeId: f.location, action: "grant", gpc: false, occurredAt: dayStart(130), recordedAt: dayStart(130) + 1_000 });
  await insertRecorded(f.orgId, receipts);
  // And today's, recorded by the app itself.
  await record(f.orgId, [
    { customerId: a, purposeId: f.marketing, action: "withdraw", source: "customer", occurredAt: daysAgo(0) },
    { customerId: b, purposeId: f.sale, action: "withdraw", source: "customer", gpc: true, occurredAt: daysAgo(2) },
  ]);
});

describe("the consent rollup", () => {
  it("leaves the dashboard identical to the live computation before, during and after rolling up", async () => {
    const before = await dashboard();
    expect(before.series).toEqual(await reference());
    expect(before.totals.events).toBeGreaterThan(60);

    // Part of the days: up to 8 days ago.
    expect(await rollUp(chinaDay(8))).toBe(122); // from the first receipt's day, 130 days ago
    const part = await countedTotal();
    expect(part.pending).toBe(chinaDay(8));
    expect(part.n).toBeGreaterThan(0);
    expect(await dashboard()).toEqual(before);

    // Every completed day: everything but today's receipts is now counted (yesterday's too,
    // unless the run falls within minutes of midnight in China).
    const open = await withTenant(f.orgId, firstOpenDay);
    expect(await rollUp()).toBe((Date.parse(open) - Date.parse(chinaDay(8))) / DAY);
    expect((await countedTotal()).pending).toBe(open);
    expect(await dashboard()).toEqual(before);

    // Receipts recorded after the rollup are counted live.
    await record(f.orgId, [{ customerId: f.customers[2], purposeId: f.location, action: "deny", occurredAt: daysAgo(1) }]);
    const after = await dashboard();
    expect(after.totals.events).toBe(before.totals.events + 1);
    expect(after.series).toEqual(await reference());
  });

  it("counts each day once however often it runs", async () => {
    const counted = await countedTotal();
    expect(await rollUp()).toBe(0);
    expect(await rollUp(chinaDay(3))).toBe(0);
    expect(await countedTotal()).toEqual(counted);
    // Every receipt recorded before the counted days' end is in the counts, exactly once.
    const receipts = await withTenant(f.orgId, async (tx) => (await tx.execute<{ n: number }>(sql`
      select count(*)::int as n from consent_events where org_id = ${f.orgId} and recorded_at < ${`${counted.pending}T00:00:00+08:00`}::timestamptz`)).rows[0].n);
    expect(counted.n).toBe(receipts);
  });
});

describe("the consent-state snapshot", () => {
  it("shows the state as it was when taken, with that time, until the next one", async () => {
    await withTenant(f.orgId, (tx) => tx.update(purposes).set({ reconsentSince: new Date(daysAgo(4)) }).where(and(eq(purposes.orgId, f.orgId), eq(purposes.id, f.marketing))));
    const live = await withTenant(f.orgId, (tx) => liveStateFigures(tx, f.orgId));
    expect(live.reconsent).toHaveLength(1);
    expect((await withTenant(f.orgId, (tx) => stateFigures(tx, f.orgId))).asOf).toBeNull();

    await withTenant(f.orgId, (tx) => snapshotConsentState(tx, f.orgId));
    const snapshot = await withTenant(f.orgId, (tx) => stateFigures(tx, f.orgId));
    expect(snapshot).toEqual({ ...live, asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/) });
    expect(Math.abs(Date.parse(snapshot.asOf!) - Date.now())).toBeLessThan(60_000);

    // A later decision shows at the next snapshot, not before.
    const location = (figures: { purposes: Array<{ id: string; denied: number }> }) => figures.purposes.find((p) => p.id === f.location)!.denied;
    await record(f.orgId, [{ customerId: f.customers[0], purposeId: f.location, action: "deny", occurredAt: daysAgo(0) }]);
    const stale = await dashboard();
    expect(location(stale)).toBe(location(live));
    expect(stale.stateAsOf).toBe(snapshot.asOf);
    await withTenant(f.orgId, (tx) => snapshotConsentState(tx, f.orgId));
    const fresh = await dashboard();
    expect(location(fresh)).toBe(location(live) + 1);
    expect(fresh.purposes).toEqual((await withTenant(f.orgId, (tx) => liveStateFigures(tx, f.orgId))).purposes);
  });
});
