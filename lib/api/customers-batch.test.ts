import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { auditEvents, customers, idempotencyKeys } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { createOrg } from "@/tests/factories";
import { MAX_BODY_BYTES } from "./body";
import { upsertCustomerBatch } from "./endpoints";
import { pruneIdempotencyKeys } from "./idempotency";
import { call, eventsOf, newKey, rowCount } from "./test-support";

afterAll(closeAppDb);

const zhang = {
  externalRef: "u-10001",
  displayName: "张伟",
  phone: "+8613800138000",
  email: "zhang.wei@example.com",
  nationalId: "11010519491231002X",
  laws: ["PIPL"],
  region: "CN-BJ",
};
const li = { externalRef: "u-10002", displayName: "李娜", phone: "13912345678" };

async function setup() {
  const { orgId, ownerId } = await createOrg();
  const key = await newKey(orgId, ownerId, ["customers:write", "customers:read"]);
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    call(upsertCustomerBatch, "/customers/batch", { token: key.token, body, headers });
  /** Nothing of the customers, idempotency or audit tables changed since `before`. */
  const snapshot = async () => [
    await rowCount(orgId, customers),
    await rowCount(orgId, idempotencyKeys),
    await rowCount(orgId, auditEvents),
  ];
  return { orgId, key, post, snapshot };
}

describe("POST /api/v1/customers/batch", () => {
  it("creates and updates customers, answers per item and audits one event with counts as the key", async () => {
    const { orgId, key, post } = await setup();
    const eventsBefore = await rowCount(orgId, auditEvents);
    const first = await post({ items: [zhang, li] });
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/json");
    expect(first.body.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(first.body.results).toEqual([
      {
        externalRef: "u-10001",
        id: expect.any(String),
        created: true,
        changedFields: ["displayName", "phone", "email", "nationalId", "region", "laws"],
      },
      {
        externalRef: "u-10002",
        id: expect.any(String),
        created: true,
        changedFields: ["displayName", "phone"],
      },
    ]);

    const second = await post({
      items: [{ ...zhang, region: "CN-SH" }, li, { externalRef: "u-10003" }],
    });
    expect(second.body.counts).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect(second.body.results[0]).toMatchObject({
      id: first.body.results[0].id,
      created: false,
      changedFields: ["region"],
    });
    expect(await rowCount(orgId, customers)).toBe(3);

    const events = await eventsOf(orgId, "customer.batch_upserted");
    expect(events).toEqual([
      {
        actorType: "api_key",
        actorId: key.id,
        targetType: "customer",
        targetId: null,
        details: { created: 2, updated: 0, unchanged: 0, items: 2 },
      },
      {
        actorType: "api_key",
        actorId: key.id,
        targetType: "customer",
        targetId: null,
        details: { created: 1, updated: 1, unchanged: 1, items: 3 },
      },
    ]);
    expect(await rowCount(orgId, auditEvents)).toBe(eventsBefore + 2);
  });

  it("answers malformed JSON with 400, too many items or bytes with 413, bad fields with 422 — and writes nothing", async () => {
    const { key, post, snapshot } = await setup();
    const before = await snapshot();

    const malformed = await call(upsertCustomerBatch, "/customers/batch", {
      token: key.token,
      raw: '{"items": [',
      headers: { "Idempotency-Key": "a" },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toBe("application/problem+json");
    expect(malformed.body).toMatchObject({
      type: "urn:privacy-desk:problem:malformed",
      title: expect.any(String),
      status: 400,
    });

    const form = await call(upsertCustomerBatch, "/customers/batch", {
      token: key.token,
      raw: "items=1",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    expect(form.body.type).toBe("urn:privacy-desk:problem:unsupported-media-type");

    const tooMany = await post({
      items: Array.from({ length: 1001 }, (_, i) => ({ externalRef: `u-${i}` })),
    });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.type).toBe("urn:privacy-desk:problem:too-large");
    const tooBig = await post({
      items: [{ externalRef: "u-1", address: "x".repeat(MAX_BODY_BYTES) }],
    });
    expect(tooBig.status).toBe(413);

    const invalid = await post(
      {
        items: [
          zhang,
          { externalRef: "u-2", phone: "12", laws: ["HIPAA"] },
          { displayName: "无编号" },
          { externalRef: "u-10001" },
        ],
      },
      { "Idempotency-Key": "b" },
    );
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({
      type: "urn:privacy-desk:problem:validation",
      status: 422,
    });
    expect(invalid.body.errors).toEqual(
      expect.arrayContaining([
        {
          index: 1,
          field: "phone",
          code: "phoneFormat",
          message: expect.stringMatching(/mobile number/),
        },
        { index: 1, field: "laws.0", code: "choice", message: expect.any(String) },
        { index: 2, field: "externalRef", code: "required", message: "This field is required." },
        {
          index: 3,
          field: "externalRef",
          code: "duplicateExternalRef",
          message: expect.any(String),
        },
      ]),
    );
    expect(invalid.body.errors).toHaveLength(4);
    // The error names fields, never the values sent.
    expect(JSON.stringify(invalid.body)).not.toContain("无编号");

    const notABatch = await post({ customers: [] });
    expect(notABatch.status).toBe(422);
    expect(notABatch.body.errors).toEqual([
      { index: -1, field: "items", code: "required", message: expect.any(String) },
    ]);
    const empty = await post({ items: [] });
    expect(empty.body.errors[0]).toMatchObject({ index: -1, field: "items", code: "tooSmall" });

    expect(await snapshot()).toEqual(before);
  });
});

describe("Idempotency-Key", () => {
  it("replays the stored answer to a retry and writes nothing twice", async () => {
    const { orgId, post, snapshot } = await setup();
    const body = { items: [zhang, li] };
    const first = await post(body, { "Idempotency-Key": "batch-1" });
    expect(first.status).toBe(200);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const after = await snapshot();

    const retry = await post(body, { "Idempotency-Key": "batch-1" });
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect(await snapshot()).toEqual(after);
    expect(await eventsOf(orgId, "customer.batch_upserted")).toHaveLength(1);

    const reused = await post({ items: [li] }, { "Idempotency-Key": "batch-1" });
    expect(reused.status).toBe(422);
    expect(reused.body.type).toBe("urn:privacy-desk:problem:idempotency-mismatch");
    expect(await snapshot()).toEqual(after);

    const tooLong = await post(body, { "Idempotency-Key": "k".repeat(256) });
    expect(tooLong.status).toBe(400);
  });

  it("lets only one of two concurrent requests with the same key write", async () => {
    const { orgId, post } = await setup();
    const body = {
      items: Array.from({ length: 50 }, (_, i) => ({
        externalRef: `c-${i}`,
        displayName: `客户${i}`,
      })),
    };
    const [a, b] = await Promise.all([
      post(body, { "Idempotency-Key": "same" }),
      post(body, { "Idempotency-Key": "same" }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(
      [a.headers.get("idempotent-replayed"), b.headers.get("idempotent-replayed")].sort(),
    ).toEqual([null, "true"].sort());
    expect(a.body).toEqual(b.body);
    expect(await rowCount(orgId, customers)).toBe(50);
    expect(await eventsOf(orgId, "customer.batch_upserted")).toHaveLength(1);
  });

  it("forgets stored answers after 24 hours", async () => {
    const { orgId, post } = await setup();
    await post({ items: [li] }, { "Idempotency-Key": "old" });
    await post({ items: [zhang] }, { "Idempotency-Key": "new" });
    await withTenant(orgId, (tx) =>
      tx
        .update(idempotencyKeys)
        .set({ createdAt: sql`now() - interval '25 hours'` })
        .where(eq(idempotencyKeys.key, "old")),
    );
    expect(await pruneIdempotencyKeys()).toBeGreaterThanOrEqual(1);
    const left = await withTenant(orgId, (tx) =>
      tx
        .select({ key: idempotencyKeys.key })
        .from(idempotencyKeys)
        .where(eq(idempotencyKeys.orgId, orgId)),
    );
    expect(left).toEqual([{ key: "new" }]);
  });

  it("keeps keys apart per API key", async () => {
    const { orgId, post } = await setup();
    const { ownerId } = { ownerId: (await eventsOf(orgId, "api_key.created"))[0].actorId };
    const other = await newKey(orgId, ownerId, ["customers:write"]);
    expect((await post({ items: [li] }, { "Idempotency-Key": "shared" })).status).toBe(200);
    const res = await call(upsertCustomerBatch, "/customers/batch", {
      token: other.token,
      body: { items: [zhang] },
      headers: { "Idempotency-Key": "shared" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("idempotent-replayed")).toBeNull();
    expect(await rowCount(orgId, customers)).toBe(2);
  });
});
