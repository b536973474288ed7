import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { inTenant } from "@/lib/core/tenancy/context";
import { eraseCustomer } from "@/lib/customers/commands";
import { createOrg } from "@/tests/factories";
import { getCustomer, listCustomerChanges, upsertCustomerBatch } from "./endpoints";
import { call, eventsOf, newKey } from "./test-support";

let owner: Client;
beforeAll(async () => {
  owner = new Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
});
afterAll(async () => {
  await owner.end();
  await closeAppDb();
});

/**
 * Waits until every transaction older than the organisation's last write has ended. The feed
 * holds rows back while any older transaction runs anywhere in the cluster (other test runs share
 * it), which is what it should do; the tests wait for that instead of flaking.
 */
async function settled(orgId: string) {
  for (let i = 0; i < 300; i += 1) {
    const { rows } = await owner.query(
      "select (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint > coalesce((select max(change_tx) from customers where org_id = $1), 0) as done",
      [orgId],
    );
    if (rows[0].done) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("an older transaction kept running for 30 s");
}

const zhang = {
  externalRef: "u-10001",
  displayName: "张伟",
  phone: "+8613800138000",
  email: "zhang.wei@example.com",
  nationalId: "11010519491231002X",
  address: "北京市朝阳区建国路88号",
  birthDate: "1949-12-31",
};

async function setup() {
  const { orgId, ownerId } = await createOrg();
  const key = await newKey(orgId, ownerId, ["customers:write", "customers:read"]);
  const push = async (items: unknown[]) =>
    (await call(upsertCustomerBatch, "/customers/batch", { token: key.token, body: { items } }))
      .body;
  const changes = (query = "") =>
    call(listCustomerChanges, "/customers/changes", { token: key.token, query });
  return { orgId, ownerId, key, push, changes };
}

describe("GET /api/v1/customers/{externalRef}", () => {
  it("returns the masked customer, audited as a read by the key, and 404 for unknown or erased", async () => {
    const { orgId, ownerId, key, push } = await setup();
    const [{ id }] = (
      await push([{ ...zhang, laws: ["PIPL"], region: "CN-BJ", realNameVerified: true }])
    ).results;
    const res = await call(getCustomer, "/customers/u-10001", {
      token: key.token,
      params: { externalRef: "u-10001" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      externalRef: "u-10001",
      status: "active",
      displayName: "张*",
      phone: "138****8000",
      email: "z***@example.com",
      nationalId: "1101**********002X",
      realNameVerified: true,
      region: "CN-BJ",
      laws: ["PIPL"],
    });
    const text = JSON.stringify(res.body);
    for (const secret of [
      "张伟",
      "13800138000",
      "zhang.wei",
      "11010519491231002X",
      "建国路88号",
      "1949-12-31",
    ])
      expect(text).not.toContain(secret);
    expect(await eventsOf(orgId, "customer.read")).toEqual([
      {
        actorType: "api_key",
        actorId: key.id,
        targetType: "customer",
        targetId: id,
        details: { via: "api" },
      },
    ]);

    const unknown = await call(getCustomer, "/customers/nobody", {
      token: key.token,
      params: { externalRef: "nobody" },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");

    await inTenant(orgId, { type: "user", id: ownerId }, (ctx) => eraseCustomer(ctx, id));
    for (const ref of ["u-10001", `erased:${id}`]) {
      expect(
        (
          await call(getCustomer, `/customers/${ref}`, {
            token: key.token,
            params: { externalRef: ref },
          })
        ).status,
      ).toBe(404);
    }
  });
});

describe("GET /api/v1/customers/changes", () => {
  it("pages through changes in (change_tx, id) order with an opaque cursor, erased customers without personal data", async () => {
    const { orgId, ownerId, key, push, changes } = await setup();
    const first = await push([zhang, { externalRef: "u-2" }, { externalRef: "u-3" }]);
    const second = await push([{ externalRef: "u-4" }]);
    await settled(orgId);

    const page1 = await changes("?limit=2");
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await changes(`?limit=2&cursor=${page1.body.next}`);
    expect(page2.body.items.map((c: { externalRef: string }) => c.externalRef)).toContain("u-4");
    const all = [...page1.body.items, ...page2.body.items];
    expect(all.map((c: { id: string }) => c.id).sort()).toEqual(
      [...first.results, ...second.results].map((r: { id: string }) => r.id).sort(),
    );
    // The first batch's three rows (one transaction) come before the second batch's, by id within it.
    const firstIds = first.results.map((r: { id: string }) => r.id).sort();
    expect(all.slice(0, 3).map((c: { id: string }) => c.id)).toEqual(firstIds);
    expect(all[3].externalRef).toBe("u-4");
    expect(page1.body.next).not.toMatch(/u-|[{}]/);

    // Caught up: an empty page keeps the cursor, to poll from.
    const caughtUp = await changes(`?cursor=${page2.body.next}`);
    expect(caughtUp.body).toEqual({ items: [], next: page2.body.next });

    // An update and an erasure show up after the cursor; the erased one carries no personal data.
    await push([{ externalRef: "u-3", displayName: "王五" }]);
    const zhangId = first.results[0].id;
    await inTenant(orgId, { type: "user", id: ownerId }, (ctx) => eraseCustomer(ctx, zhangId));
    await settled(orgId);
    const later = await changes(`?cursor=${page2.body.next}`);
    expect(later.body.items.map((c: { externalRef: string; status: string }) => c.status)).toEqual([
      "active",
      "erased",
    ]);
    const erased = later.body.items[1];
    expect(erased).toMatchObject({
      id: zhangId,
      status: "erased",
      displayName: null,
      phone: null,
      email: null,
      nationalId: null,
      address: null,
      birthDate: null,
      region: null,
    });
    expect(erased.externalRef).not.toBe("u-10001");

    const events = await eventsOf(orgId, "customer.changes_read");
    expect(events.map((e) => e.details)).toEqual([
      { count: 2 },
      { count: 2 },
      { count: 0 },
      { count: 2 },
    ]);
    expect(events.every((e) => e.actorType === "api_key" && e.actorId === key.id)).toBe(true);
  });

  it("holds back rows written after a transaction that is still running, so none is skipped", async () => {
    const { orgId, push, changes } = await setup();
    await push([{ externalRef: "before" }]);
    await settled(orgId);
    await owner.query("begin");
    await owner.query("select pg_current_xact_id()"); // an older writer still in flight
    try {
      await push([{ externalRef: "after" }]);
      const held = await changes();
      expect(held.body.items.map((c: { externalRef: string }) => c.externalRef)).toEqual([
        "before",
      ]);
    } finally {
      await owner.query("commit");
    }
    await settled(orgId);
    const released = await changes();
    expect(released.body.items.map((c: { externalRef: string }) => c.externalRef)).toEqual([
      "before",
      "after",
    ]);
  });

  it("refuses a cursor it did not issue and a bad limit (422)", async () => {
    const { changes } = await setup();
    expect((await changes("?cursor=garbage")).status).toBe(422);
    const bad = await changes("?limit=5000");
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ index: -1, field: "limit", code: "tooBig" });
  });
});
