import { join } from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { customers, idempotencyKeys } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { inTenant } from "@/lib/core/tenancy/context";
import { createOrg } from "@/tests/factories";
import { REQUESTS_PER_MINUTE } from "./authenticate";
import { apiRouteScopes, type ApiRoute } from "./define-endpoint";
import { upsertCustomerBatch, getCustomer } from "./endpoints";
import { isMethodNotAllowed } from "./methods";
import { listApiKeys, revokeApiKey } from "./keys";
import { call, eventsOf, newKey, rowCount, v1RouteFiles } from "./test-support";
import { hashSecret } from "./token";

let owner: Client;
beforeAll(async () => {
  owner = new Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
});
afterAll(async () => {
  await owner.end();
  await closeAppDb();
});

const batch = { items: [{ externalRef: "u-1", displayName: "张三", phone: "13812345678" }] };

describe("every /api/v1 route without a valid key", async () => {
  const files = v1RouteFiles();
  it("finds the keyed routes", () => expect(files.length).toBeGreaterThanOrEqual(8));

  for (const file of files) {
    const exported = Object.entries(
      await import(/* @vite-ignore */ join(process.cwd(), file)),
    ).filter(
      ([name, handler]) =>
        /^(GET|POST|PUT|PATCH|DELETE)$/.test(name) && !isMethodNotAllowed(handler),
    );
    for (const [method, handler] of exported) {
      it(`${file} › ${method} is an API-key endpoint and answers 401 without a key`, async () => {
        expect(apiRouteScopes.get(handler as ApiRoute)).toBeDefined();
        const body = method === "GET" ? undefined : batch;
        for (const token of [
          undefined,
          "pdk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
          "not-a-token",
        ]) {
          const res = await call(handler as ApiRoute, "/x", {
            token,
            body,
            params: { externalRef: "u-1" },
          });
          expect(res.status).toBe(401);
          expect(res.headers.get("content-type")).toBe("application/problem+json");
          // The API is outside the proxy: its answers carry their own security headers.
          expect(res.headers.get("x-content-type-options")).toBe("nosniff");
          expect(res.headers.get("content-security-policy")).toBe(
            "default-src 'none'; frame-ancestors 'none'",
          );
          expect(res.headers.get("cache-control")).toContain("no-store");
          expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
          expect(res.body).toMatchObject({
            type: "urn:privacy-desk:problem:unauthenticated",
            status: 401,
          });
        }
      });
    }
  }
});

describe("API keys", () => {
  it("stores only a hash of the secret and accepts the token until it is revoked", async () => {
    const { orgId, ownerId } = await createOrg();
    const key = await newKey(orgId, ownerId, ["customers:write", "customers:read"]);
    expect(key.token).toMatch(/^pdk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const secret = key.token.split("_").slice(2).join("_");
    const { rows } = await owner.query("select * from api_keys where id = $1", [key.id]);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(rows[0].secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await eventsOf(orgId, "api_key.created"))[0]).toMatchObject({
      actorType: "user",
      actorId: ownerId,
      targetId: key.id,
      details: { prefix: key.prefix, scopes: ["customers:read", "customers:write"] },
    });
    expect(JSON.stringify(await eventsOf(orgId, "api_key.created"))).not.toContain(secret);

    // The right prefix with a wrong secret is refused like an unknown key.
    const forged = `pdk_${key.prefix}_${"B".repeat(43)}`;
    expect(
      (await call(upsertCustomerBatch, "/customers/batch", { token: forged, body: batch })).status,
    ).toBe(401);

    expect(
      (await call(upsertCustomerBatch, "/customers/batch", { token: key.token, body: batch }))
        .status,
    ).toBe(200);
    const [listed] = await withTenant(orgId, (tx) => listApiKeys(tx, orgId));
    expect(listed.lastUsedAt).toBeInstanceOf(Date);
    expect(listed).not.toHaveProperty("secretHash");

    await inTenant(orgId, { type: "user", id: ownerId }, (ctx) => revokeApiKey(ctx, key.id));
    const before = await rowCount(orgId, customers);
    const refused = await call(upsertCustomerBatch, "/customers/batch", {
      token: key.token,
      body: { items: [{ externalRef: "u-2" }] },
    });
    expect(refused.status).toBe(401);
    expect(await rowCount(orgId, customers)).toBe(before);
    expect((await eventsOf(orgId, "api_key.revoked"))[0]).toMatchObject({
      targetId: key.id,
      details: { prefix: key.prefix },
    });
  });

  it("refuses a key without the endpoint's scope (403) and writes nothing", async () => {
    const { orgId, ownerId } = await createOrg();
    const key = await newKey(orgId, ownerId, ["customers:read"]);
    const res = await call(upsertCustomerBatch, "/customers/batch", {
      token: key.token,
      body: batch,
      headers: { "Idempotency-Key": "k1" },
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      type: "urn:privacy-desk:problem:forbidden",
      status: 403,
      title: expect.any(String),
    });
    expect(await rowCount(orgId, customers)).toBe(0);
    expect(await rowCount(orgId, idempotencyKeys)).toBe(0);
  });

  it("keeps each organisation's customers to its own keys", async () => {
    const a = await createOrg();
    const b = await createOrg();
    const keyA = await newKey(a.orgId, a.ownerId, ["customers:write", "customers:read"]);
    const keyB = await newKey(b.orgId, b.ownerId, ["customers:write", "customers:read"]);
    expect(
      (await call(upsertCustomerBatch, "/customers/batch", { token: keyA.token, body: batch }))
        .status,
    ).toBe(200);
    expect(
      (
        await call(getCustomer, "/customers/u-1", {
          token: keyA.token,
          params: { externalRef: "u-1" },
        })
      ).status,
    ).toBe(200);
    const fromB = await call(getCustomer, "/customers/u-1", {
      token: keyB.token,
      params: { externalRef: "u-1" },
    });
    expect(fromB.status).toBe(404);
    expect(fromB.body.type).toBe("urn:privacy-desk:problem:not-found");
  });

  it("limits each key to its requests per minute (429)", async () => {
    const { orgId, ownerId } = await createOrg();
    const key = await newKey(orgId, ownerId, ["customers:read"]);
    await owner.query(
      "insert into rate_limit_buckets (key, window_start, count) values ($1, to_timestamp(floor(extract(epoch from now()) / 60) * 60), $2)",
      [`api-key:${key.id}`, REQUESTS_PER_MINUTE],
    );
    const res = await call(getCustomer, "/customers/u-1", {
      token: key.token,
      params: { externalRef: "u-1" },
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("60");
    expect(res.body.type).toBe("urn:privacy-desk:problem:rate-limited");
  });

  it("checks a key in one SQL call, for the app role only, counting a hit only for a key that passes", async () => {
    const { orgId, ownerId } = await createOrg();
    const key = await newKey(orgId, ownerId, ["orders:write"]);
    const secret = key.token.split("_").slice(2).join("_");
    const keyCall = async (presented: string, scope: string) =>
      (
        await owner.query("select * from api_call($1, $2, $3, $4, $5)", [
          key.prefix,
          hashSecret(presented),
          scope,
          "test",
          2,
        ])
      ).rows[0];
    const hits = async () =>
      Number(
        (
          await owner.query(
            "select coalesce(sum(count), 0) as n from rate_limit_buckets where key = $1",
            [`api-key:${key.id}:test`],
          )
        ).rows[0].n,
      );
    const none = { call_org_id: null, call_key_id: null, call_scopes: null };

    expect(await keyCall("B".repeat(43), "orders:write")).toEqual({
      call_outcome: "invalid",
      ...none,
    });
    expect(await keyCall(secret, "customers:read")).toEqual({
      call_outcome: "forbidden",
      call_org_id: orgId,
      call_key_id: key.id,
      call_scopes: ["orders:write"],
    });
    expect(await hits()).toBe(0);
    expect(
      (await owner.query("select last_used_at from api_keys where id = $1", [key.id])).rows[0]
        .last_used_at,
    ).toBeNull();

    expect(await keyCall(secret, "orders:write")).toEqual({
      call_outcome: "ok",
      call_org_id: orgId,
      call_key_id: key.id,
      call_scopes: ["orders:write"],
    });
    expect(await keyCall(secret, "orders:write")).toMatchObject({ call_outcome: "ok" });
    expect(await keyCall(secret, "orders:write")).toMatchObject({
      call_outcome: "limited",
      call_key_id: key.id,
    });
    expect(await hits()).toBe(3);
    expect(
      (await owner.query("select last_used_at from api_keys where id = $1", [key.id])).rows[0]
        .last_used_at,
    ).toBeInstanceOf(Date);

    await inTenant(orgId, { type: "user", id: ownerId }, (ctx) => revokeApiKey(ctx, key.id));
    expect(await keyCall(secret, "orders:write")).toEqual({ call_outcome: "invalid", ...none });
    expect(await hits()).toBe(3);

    const { rows: grants } = await owner.query(`select
      has_function_privilege('privacy_desk_app', 'api_call(text, text, text, text, integer)', 'execute') as app,
      has_function_privilege('public', 'api_call(text, text, text, text, integer)', 'execute') as pub,
      has_function_privilege('public', 'rate_limit_hit(text, integer)', 'execute') as pub_hit`);
    expect(grants[0]).toEqual({ app: true, pub: false, pub_hit: false });
  });
});

describe("an /api/v1 address that is no endpoint", () => {
  it("answers every method with a not-found problem carrying the API's security headers", async () => {
    const route = await import("@/app/api/v1/[...path]/route");
    for (const handler of [
      route.GET,
      route.HEAD,
      route.OPTIONS,
      route.POST,
      route.PUT,
      route.PATCH,
      route.DELETE,
    ]) {
      const res = handler();
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect((await res.json()).type).toBe("urn:privacy-desk:problem:not-found");
    }
  });
});
