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
import { rollUpDailyCounts, snapshotConsentState } from "./rollup";

afterAll(closeAppDb);

const DAY = 86_400_000;
let f: Awaited<ReturnType<typeof consoleFixture>>;
const now = new Date();
const MINUTE = 60_000;
/** The instant the China-time calendar day `n` days before today starts. */
const dayStart = (n: number) =>
  Date.parse(
    `${new Date(now.getTime() + 8 * 3_600_000 - n * DAY).toISOString().slice(0, 10)}T00:00:00+08:00`,
  );

interface Receipt {
  customerId: string;
  purposeId: string;
  action: "grant" | "deny" | "withdraw";
  gpc: boolean;
  occurredAt: number;
  recordedAt: number;
}

/**
 * Receipts with chosen `recorded_at` days, written as the owner (the app always records "now").
 * Only the fields the dashboard reads are meaningful; hashes and batch root are placeholders.
 */
async function insertRecorded(orgId: string, receipts: Receipt[]): Promise<void> {
  const owner = new Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
  try {
    const batchId = randomUUID();
    await owner.query(
      "insert into consent_batches (org_id, id, source, event_count, merkle_root) values ($1, $2, 'platform_api', $3, $4)",
      [orgId, batchId, receipts.length, "0".repeat(64)],
    );
    for (const [i, r] of receipts.entries()) {
      await owner.query(
        `insert into consent_events (org_id, customer_id, purpose_id, action, channel, gpc, source, occurred_at, recorded_at, batch_id, batch_seq, content_hash)
         values ($1, $2, $3, $4, 'app', $5, 'platform_api', $6, $7, $8, $9, $10)`,
        [
          orgId,
          r.customerId,
          r.purposeId,
          r.action,
          r.gpc,
          new Date(r.occurredAt).toISOString(),
          new Date(r.recordedAt).toISOString(),
          batchId,
          i,
          Buffer.alloc(32),
        ],
      );
    }
  } finally {
    await owner.end();
  }
}

/** The weekly series straight from consent_events, as the dashboard computed it before the rollup existed. */
async function liveSeries(tx: Tx, orgId: string, weeks: string[]) {
  const start = `${weeks[0]}T00:00:00+08:00`;
  const result = await tx.execute<{
    purpose_id: string;
    week: string;
    grants: number;
    decisions: number;
    withdrawals: number;
    gpc: number;
  }>(sql`
    select purpose_id, to_char(date_trunc('week', occurred_at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD') as week,
      count(*) filter (where action = 'grant')::int as grants, count(*)::int as decisions,
      count(*) filter (where action = 'withdraw')::int as withdrawals, count(*) filter (where gpc)::int as gpc
    from consent_events
    where org_id = ${orgId} and recorded_at >= ${start}::timestamptz and occurred_at >= ${start}::timestamptz
    group by 1, 2`);
  const series: Record<string, WeekPoint[]> = {};
  for (const { purpose_id: id, week, ...counts } of result.rows) {
    const points = (series[id] ??= weeks.map((w) => ({
      week: w,
      grants: 0,
      decisions: 0,
      withdrawals: 0,
      gpc: 0,
    })));
    const point = points.find((p) => p.week === week);
    if (point) Object.assign(point, counts);
  }
  return series;
}

const dashboard = () => withTenant(f.orgId, (tx) => consentDashboard(tx, f.orgId, now));
const rollUp = (before?: number) =>
  withTenant(f.orgId, (tx) =>
    rollUpDailyCounts(
      tx,
      f.orgId,
      before === undefined ? undefined : new Date(before).toISOString(),
    ),
  );
const reference = () => withTenant(f.orgId, (tx) => liveSeries(tx, f.orgId, windowWeeks(now)));
/** The rollup's total, the receipts recorded before its watermark, and the watermark (ms). */
const counted = () =>
  withTenant(f.orgId, async (tx) => {
    const {
      rows: [row],
    } = await tx.execute<{ n: number; receipts: number; until: string | null }>(sql`
    select (select coalesce(sum(count), 0)::int from consent_daily_counts where org_id = ${f.orgId}) as n,
      (select count(*)::int from consent_events e join consent_rollup_state r on r.org_id = e.org_id
        where e.org_id = ${f.orgId} and e.recorded_at < r.counted_until) as receipts,
      (select to_char(counted_until at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from consent_rollup_state where org_id = ${f.orgId}) as until`);
    return {
      n: row.n,
      receipts: row.receipts,
      until: row.until === null ? null : Date.parse(row.until),
    };
  });

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
      receipts.push({
        customerId,
        purposeId,
        action: (["grant", "deny", "withdraw"] as const)[(n * i) % 3],
        gpc: purposeId === f.sale && i === 2,
        occurredAt: start + i * 3_600_000,
        recordedAt: start + i * 3_600_000 + 2_000,
      });
    }
    receipts.push({
      customerId: a,
      purposeId: f.marketing,
      action: "grant",
      gpc: false,
      occurredAt: start - 3 * DAY,
      recordedAt: start + DAY - 1,
    });
    receipts.push({
      customerId: b,
      purposeId: f.sale,
      action: "withdraw",
      gpc: true,
      occurredAt: start + DAY - 1,
      recordedAt: start + DAY,
    });
  }
  // Recorded in the window but decided before it; and recorded long before the window.
  receipts.push({
    customerId: c,
    purposeId: f.marketing,
    action: "grant",
    gpc: false,
    occurredAt: dayStart(120),
    recordedAt: dayStart(5) + 60_000,
  });
  receipts.push({
    customerId: c,
    purposeId: f.location,
    action: "grant",
    gpc: false,
    occurredAt: dayStart(130),
    recordedAt: dayStart(130) + 1_000,
  });
  await insertRecorded(f.orgId, receipts);
  // And today's, recorded by the app itself.
  await record(f.orgId, [
    {
      customerId: a,
      purposeId: f.marketing,
      action: "withdraw",
      source: "customer",
      occurredAt: daysAgo(0),
    },
    {
      customerId: b,
      purposeId: f.sale,
      action: "withdraw",
      source: "customer",
      gpc: true,
      occurredAt: daysAgo(2),
    },
  ]);
});

describe("the consent rollup", () => {
  it("leaves the dashboard identical to the live computation wherever the watermark falls", async () => {
    const before = await dashboard();
    expect(before.series).toEqual(await reference());
    expect(before.totals.events).toBeGreaterThan(60);

    // The watermark a millisecond before China midnight (a receipt at 23:59:59.999 stays live), at
    // midnight (it is counted, the one at 00:00:00.000 is not), a millisecond after (that one is
    // too), then mid-day, between receipts of one day, by two concurrent runs.
    const midnight = dayStart(8);
    const midDay = dayStart(6) + 90 * MINUTE;
    const added: number[] = [];
    for (const mark of [midnight - 1, midnight, midnight + 1, midDay]) {
      const was = await counted();
      const runs =
        mark === midDay ? await Promise.all([rollUp(mark), rollUp(mark)]) : [await rollUp(mark)];
      const is = await counted();
      expect(is.until).toBe(mark);
      expect(is.n).toBe(is.receipts);
      expect(runs.reduce((a, b) => a + b)).toBe(is.n - was.n);
      expect(runs.filter((n) => n > 0)).toHaveLength(1);
      added.push(is.n - was.n);
      expect(await dashboard()).toEqual(before);
    }
    expect(added[0]).toBeGreaterThan(40);
    expect(added.slice(1, 3)).toEqual([1, 1]);
    expect(added[3]).toBeGreaterThan(6);

    // Up to the cutoff, 5 minutes ago: today's receipts recorded by the app stay live.
    const started = Date.now();
    const rest = await rollUp();
    const all = await counted();
    expect(all.until).toBeLessThanOrEqual(Date.now() - 5 * MINUTE);
    expect(all.until).toBeGreaterThan(started - 6 * MINUTE);
    expect(all.n).toBe(all.receipts);
    expect(rest).toBeGreaterThan(0);
    expect(await dashboard()).toEqual(before);

    // Receipts recorded after the rollup are counted live.
    await record(f.orgId, [
      { customerId: f.customers[2], purposeId: f.location, action: "deny", occurredAt: daysAgo(1) },
    ]);
    const after = await dashboard();
    expect(after.totals.events).toBe(before.totals.events + 1);
    expect(after.series).toEqual(await reference());
  });

  it("counts each receipt once however often it runs, and never moves the watermark back", async () => {
    const was = await counted();
    expect(await rollUp(dayStart(3))).toBe(0);
    expect(await counted()).toEqual(was);
    await rollUp();
    await rollUp();
    const is = await counted();
    expect(is.until).toBeGreaterThanOrEqual(was.until!);
    expect(is.n).toBe(is.receipts);
    expect(is.n).toBe(was.n);
  });

  it("cannot lose a counted day: the application role may not delete counts", async () => {
    const before = await counted();
    expect(before.n).toBeGreaterThan(0);
    await expect(
      withTenant(f.orgId, (tx) =>
        tx.execute(sql`delete from consent_daily_counts where org_id = ${f.orgId}`),
      ),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ code: "42501" }) });
    expect(await counted()).toEqual(before);
  });
});

describe("the consent-state snapshot", () => {
  it("shows the state as it was when taken, with that time, until the next one", async () => {
    await withTenant(f.orgId, (tx) =>
      tx
        .update(purposes)
        .set({ reconsentSince: new Date(daysAgo(4)) })
        .where(and(eq(purposes.orgId, f.orgId), eq(purposes.id, f.marketing))),
    );
    const live = await withTenant(f.orgId, (tx) => liveStateFigures(tx, f.orgId));
    expect(live.reconsent).toHaveLength(1);
    expect((await withTenant(f.orgId, (tx) => stateFigures(tx, f.orgId))).asOf).toBeNull();

    await withTenant(f.orgId, (tx) => snapshotConsentState(tx, f.orgId));
    const snapshot = await withTenant(f.orgId, (tx) => stateFigures(tx, f.orgId));
    expect(snapshot).toEqual({
      ...live,
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
    });
    expect(Math.abs(Date.parse(snapshot.asOf!) - Date.now())).toBeLessThan(60_000);

    // A later decision shows at the next snapshot, not before.
    const location = (figures: { purposes: Array<{ id: string; denied: number }> }) =>
      figures.purposes.find((p) => p.id === f.location)!.denied;
    await record(f.orgId, [
      { customerId: f.customers[0], purposeId: f.location, action: "deny", occurredAt: daysAgo(0) },
    ]);
    const stale = await dashboard();
    expect(location(stale)).toBe(location(live));
    expect(stale.stateAsOf).toBe(snapshot.asOf);
    await withTenant(f.orgId, (tx) => snapshotConsentState(tx, f.orgId));
    const fresh = await dashboard();
    expect(location(fresh)).toBe(location(live) + 1);
    expect(fresh.purposes).toEqual(
      (await withTenant(f.orgId, (tx) => liveStateFigures(tx, f.orgId))).purposes,
    );
  });
});
