import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { purposes } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { consoleFixture, daysAgo, record } from "./console-test-support";
import { consentDashboard, weekRate, windowWeeks } from "./dashboard";

afterAll(closeAppDb);

let f: Awaited<ReturnType<typeof consoleFixture>>;
const now = new Date();

beforeAll(async () => {
  f = await consoleFixture();
  const [a, b, c] = f.customers;
  await record(f.orgId, [
    { customerId: a, purposeId: f.marketing, action: "grant", occurredAt: daysAgo(40) },
    { customerId: b, purposeId: f.marketing, action: "grant", occurredAt: daysAgo(40) },
    { customerId: c, purposeId: f.marketing, action: "deny", occurredAt: daysAgo(40) },
    { customerId: a, purposeId: f.location, action: "grant", occurredAt: daysAgo(200) }, // outside the window
    { customerId: c, purposeId: f.sale, action: "grant", occurredAt: daysAgo(30) },
  ]);
  await record(f.orgId, [
    {
      customerId: b,
      purposeId: f.marketing,
      action: "withdraw",
      source: "customer",
      occurredAt: daysAgo(2),
    },
    {
      customerId: c,
      purposeId: f.sale,
      action: "withdraw",
      source: "customer",
      gpc: true,
      occurredAt: daysAgo(1),
    },
  ]);
});

const dashboard = () => withTenant(f.orgId, (tx) => consentDashboard(tx, f.orgId, now));

describe("the consent dashboard", () => {
  it("counts current states per purpose and the opt-in rate among those who decided", async () => {
    const d = await dashboard();
    const marketing = d.purposes.find((p) => p.code === "marketing_sms")!;
    expect(marketing).toMatchObject({ kind: "standard", granted: 1, denied: 1, withdrawn: 1 });
    expect(marketing.optInRate).toBeCloseTo(1 / 3);
    expect(d.purposes.find((p) => p.code === "location")).toMatchObject({
      granted: 1,
      optInRate: 1,
    });
    expect(d.purposes.find((p) => p.code === "account")).toMatchObject({
      granted: 0,
      optInRate: null,
    });
  });

  it("buckets the window's decisions by week, leaving out older ones, and counts withdrawals and GPC", async () => {
    const d = await dashboard();
    expect(d.weeks).toHaveLength(13);
    expect(d.weeks).toEqual(windowWeeks(now));
    expect(d.series[f.location]).toBeUndefined();
    const marketing = d.series[f.marketing];
    expect(marketing.reduce((n, p) => n + p.decisions, 0)).toBe(4);
    const first = marketing.find((p) => p.decisions === 3)!;
    expect(weekRate(first)).toBeCloseTo(2 / 3);
    expect(marketing.filter((p) => p.decisions === 0).every((p) => weekRate(p) === null)).toBe(
      true,
    );
    expect(d.totals).toEqual({ withdrawals: 2, gpcOptOuts: 1, gpcCustomers: 1, events: 6 });
  });

  it("shows re-consent progress after a material change", async () => {
    const [a, b] = f.customers;
    await withTenant(f.orgId, (tx) =>
      tx
        .update(purposes)
        .set({ reconsentSince: new Date(daysAgo(10)) })
        .where(and(eq(purposes.orgId, f.orgId), eq(purposes.id, f.location))),
    );
    await record(f.orgId, [
      { customerId: b, purposeId: f.location, action: "grant", occurredAt: daysAgo(100) },
    ]);
    expect((await dashboard()).reconsent).toMatchObject([
      { code: "location", waiting: 2, reconsented: 0 },
    ]);
    await record(f.orgId, [
      {
        customerId: a,
        purposeId: f.location,
        action: "grant",
        source: "customer",
        occurredAt: daysAgo(1),
      },
    ]);
    expect((await dashboard()).reconsent).toMatchObject([
      { code: "location", waiting: 1, reconsented: 1 },
    ]);
  });
});

describe("the window's weeks", () => {
  it("are the 13 Mondays in China time ending with this week", () => {
    // Sunday 2026-11-29 20:00 UTC is Monday 30 November in China.
    const weeks = windowWeeks(new Date("2026-11-29T20:00:00Z"));
    expect(weeks.at(-1)).toBe("2026-11-30");
    expect(weeks[0]).toBe("2026-09-07");
    expect(windowWeeks(new Date("2026-11-29T10:00:00Z")).at(-1)).toBe("2026-11-23");
  });
});
