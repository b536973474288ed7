import PgBoss from "pg-boss";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { checkCustomerConsent, recordConsentEvents } from "@/lib/api/consent-endpoints";
import { call, newKey } from "@/lib/api/test-support";
import { createCheckpoint } from "@/lib/core/audit/checkpoint";
import * as envModule from "@/lib/core/env";
import { log } from "@/lib/core/log/logger";
import { inTenant, tenantContext } from "@/lib/core/tenancy/context";
import { newCustomer, newPurpose } from "@/lib/consent/test-support";
import { upsertCustomers } from "@/lib/customers/commands";
import { createRequest } from "@/lib/requests/commands";
import { createOrg } from "@/tests/factories";
import { scrapeMetrics } from "./scrape";

afterAll(closeAppDb);
afterEach(() => vi.restoreAllMocks());

const TOKEN = "metrics-token-for-the-test-0123456789abcdef";
const withToken = (token: string | undefined) => {
  const real = envModule.env();
  vi.spyOn(envModule, "env").mockReturnValue({ ...real, METRICS_TOKEN: token });
};
const scrape = (authorization?: string) =>
  scrapeMetrics(
    new Request("http://localhost/api/metrics", {
      headers: authorization ? { Authorization: authorization } : {},
    }),
  );

/** One sample's value from the exposition text (0 when absent). */
async function sample(name: string, labels: Record<string, string> = {}): Promise<number> {
  withToken(TOKEN);
  const text = await (await scrape(`Bearer ${TOKEN}`)).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split("\n").find((l) => {
    if (!l.startsWith(`${name}{`) && !l.startsWith(`${name} `)) return false;
    const set =
      l
        .slice(name.length)
        .match(/^\{(.*)\}/)?.[1]
        .split(",") ?? [];
    return wanted.every((w) => set.includes(w)) && set.length === wanted.length;
  });
  return line ? Number(line.split(" ").pop()) : 0;
}

describe("GET /api/metrics", () => {
  it("is not there without METRICS_TOKEN (404), refuses a missing or wrong token (401), answers the right one", async () => {
    withToken(undefined);
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
    withToken(TOKEN);
    const missing = await scrape();
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await scrape(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await scrape(`Basic ${TOKEN}`)).status).toBe(401);
    const ok = await scrape(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await ok.text();
    expect(text).toContain("pd_database_up 1");
    expect(text).toContain("# TYPE pd_http_request_duration_seconds histogram");
  });

  it("counts consent receipts ingested and checks answered, after they happened", async () => {
    const { orgId, ownerId } = await createOrg();
    const key = await newKey(orgId, ownerId, ["consent:write", "consent:read"]);
    await newCustomer(orgId, "m-1");
    await newPurpose(orgId, { code: "marketing_sms" });
    const grants = await sample("pd_consent_events_ingested_total", { action: "grant" });
    const allowed = await sample("pd_consent_checks_total", {
      outcome: "allowed",
      reason: "granted",
    });
    const unknown = await sample("pd_consent_checks_total", {
      outcome: "denied",
      reason: "unknown_customer",
    });

    const item = {
      customerRef: "m-1",
      purpose: "marketing_sms",
      action: "grant",
      occurredAt: "2026-11-01T10:00:00+08:00",
      channel: "app",
    };
    const batch = { items: [item, { ...item, occurredAt: "2026-11-01T10:05:00+08:00" }] };
    expect(
      (
        await call(recordConsentEvents, "/consent-events", {
          token: key.token,
          body: batch,
          headers: { "Idempotency-Key": "m-batch" },
        })
      ).status,
    ).toBe(200);
    // A replay stores nothing more and counts nothing more.
    expect(
      (
        await call(recordConsentEvents, "/consent-events", {
          token: key.token,
          body: batch,
          headers: { "Idempotency-Key": "m-batch" },
        })
      ).headers.get("idempotent-replayed"),
    ).toBe("true");
    const check = (ref: string) =>
      call(checkCustomerConsent, `/customers/${ref}/consents/marketing_sms/check`, {
        token: key.token,
        params: { externalRef: ref, purpose: "marketing_sms" },
      });
    expect((await check("m-1")).body).toMatchObject({ allowed: true, reason: "granted" });
    await check("nobody");

    expect(await sample("pd_consent_events_ingested_total", { action: "grant" })).toBe(grants + 2);
    expect(await sample("pd_consent_checks_total", { outcome: "allowed", reason: "granted" })).toBe(
      allowed + 1,
    );
    expect(
      await sample("pd_consent_checks_total", { outcome: "denied", reason: "unknown_customer" }),
    ).toBe(unknown + 1);
  });

  it("reads open requests by SLA state and overdue checkpoints across organisations at scrape time", async () => {
    const now = new Date();
    const later = new Date(now.getTime() + 3 * 3600_000);
    const overdueBefore = await sample("pd_requests_open", { sla: "overdue" });
    const notStartedBefore = await sample("pd_requests_open", { sla: "not_started" });
    const { orgId, ownerId } = await createOrg();
    await withTenant(orgId, async (tx) => {
      const ctx = tenantContext(tx, orgId, { type: "user", id: ownerId });
      const [customer] = await upsertCustomers(tx, orgId, [
        { externalRef: "m-req", phone: "+8613900139009", laws: ["PIPL"], region: "CN-SH" },
      ]);
      const base = { channel: "phone" as const, locale: "zh-CN" as const, customerId: customer.id };
      await createRequest(ctx, {
        ...base,
        type: "access",
        receivedAt: new Date("2025-01-02T12:00:00Z"),
        verifiedOn: "2025-01-02",
        identityMethod: "phone_callback",
      });
      await createRequest(ctx, {
        ...base,
        type: "question",
        receivedAt: now,
        verifiedOn: null,
        identityMethod: null,
      });
    });
    expect(await sample("pd_requests_open", { sla: "overdue" })).toBe(overdueBefore + 1);
    expect(await sample("pd_requests_open", { sla: "not_started" })).toBe(notStartedBefore + 1);

    // Three hours on, the new organisation's events wait for a checkpoint; one signed, they do not.
    const { refreshDatabaseGauges } = await import("./db-gauges");
    const { metrics } = await import("./registry");
    const overdueLater = async () => {
      await refreshDatabaseGauges(later);
      return (await metrics().overdueCheckpoints.get()).values[0].value;
    };
    const withEvents = await overdueLater();
    await inTenant(orgId, { type: "system", id: "test" }, (ctx) => createCheckpoint(ctx));
    expect(await overdueLater()).toBe(withEvents - 1);
  });

  it("reads each job queue's depth and its oldest waiting job, and counts errors logged", async () => {
    const boss = new PgBoss({
      connectionString: process.env.DATABASE_URL,
      schema: "pgboss",
      supervise: false,
      schedule: false,
    });
    boss.on("error", () => {});
    await boss.start();
    try {
      await boss.createQueue("metrics-test");
      await boss.send("metrics-test", {});
      await boss.send("metrics-test", {});
      expect(await sample("pd_job_queue_depth", { queue: "metrics-test", state: "created" })).toBe(
        2,
      );
      expect(
        await sample("pd_job_queue_oldest_seconds", { queue: "metrics-test" }),
      ).toBeGreaterThanOrEqual(0);
      const [running] = await boss.fetch("metrics-test");
      expect(await sample("pd_job_queue_depth", { queue: "metrics-test", state: "created" })).toBe(
        1,
      );
      expect(await sample("pd_job_queue_depth", { queue: "metrics-test", state: "active" })).toBe(
        1,
      );
      await boss.complete("metrics-test", running.id);
      await boss.purgeQueue("metrics-test");
      expect(await sample("pd_job_queue_depth", { queue: "metrics-test", state: "created" })).toBe(
        0,
      );
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    const errors = await sample("pd_errors_total", { event: "metrics test failure" });
    log.error({}, "metrics test failure");
    expect(await sample("pd_errors_total", { event: "metrics test failure" })).toBe(errors + 1);
  });
});
