import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { purposes } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { consoleFixture, daysAgo, record } from "./console-test-support";
import { consentStateOf } from "./state";
import { customerReceipts } from "./timeline";

afterAll(closeAppDb);

let f: Awaited<ReturnType<typeof consoleFixture>>;

beforeAll(async () => {
  f = await consoleFixture();
  const [a, b] = f.customers;
  await record(f.orgId, [
    { customerId: a, purposeId: f.marketing, action: "grant", occurredAt: daysAgo(50) },
    { customerId: a, purposeId: f.location, action: "grant", occurredAt: daysAgo(51) },
    { customerId: b, purposeId: f.marketing, action: "grant", occurredAt: daysAgo(5) },
  ]);
  // Recorded later but decided earlier: the state keeps the newer decision, the timeline orders by decision.
  await record(f.orgId, [
    {
      customerId: a,
      purposeId: f.marketing,
      action: "withdraw",
      source: "customer",
      occurredAt: daysAgo(3),
    },
  ]);
  await record(f.orgId, [
    { customerId: a, purposeId: f.marketing, action: "grant", occurredAt: daysAgo(40) },
  ]);
  await withTenant(f.orgId, (tx) =>
    tx
      .update(purposes)
      .set({ reconsentSince: new Date(daysAgo(20)) })
      .where(and(eq(purposes.orgId, f.orgId), eq(purposes.id, f.location))),
  );
});

describe("the customer page's consent", () => {
  it("lists every live purpose with the current state and flags a grant older than a material change", async () => {
    const state = await withTenant(f.orgId, (tx) => consentStateOf(tx, f.orgId, f.customers[0]));
    const by = Object.fromEntries(state.map((s) => [s.code, s]));
    expect(Object.keys(by).sort()).toEqual(["account", "data_sale", "location", "marketing_sms"]);
    expect(by.marketing_sms).toMatchObject({ status: "withdrawn", reconsentRequired: false });
    expect(by.location).toMatchObject({ status: "granted", reconsentRequired: true });
    expect(by.data_sale).toMatchObject({ status: null, reconsentRequired: false });
  });

  it("shows the customer's receipts only, newest decision first", async () => {
    const rows = await withTenant(f.orgId, (tx) => customerReceipts(tx, f.orgId, f.customers[0]));
    expect(rows.map((r) => [r.purposeCode, r.action])).toEqual([
      ["marketing_sms", "withdraw"],
      ["marketing_sms", "grant"],
      ["marketing_sms", "grant"],
      ["location", "grant"],
    ]);
    expect(
      await withTenant(f.orgId, (tx) => customerReceipts(tx, f.orgId, f.customers[2])),
    ).toEqual([]);
  });
});
