import { and, eq, like } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import {
  apiKeys,
  auditEvents,
  consentBatches,
  consentEvents,
  consentState,
  idempotencyKeys,
  rateLimitBuckets,
} from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { newCustomer, newPurpose } from "@/lib/consent/test-support";
import { documentWithVersion } from "@/lib/policies/test-support";
import { createMember, createOrg } from "@/tests/factories";
import { z } from "zod";
import {
  checkCustomerConsent,
  getCustomerConsents,
  recordConsentEvents,
} from "./consent-endpoints";
import { defineEndpoint } from "./define-endpoint";
import { call, eventsOf, newKey, rowCount } from "./test-support";

afterAll(closeAppDb);

async function setup() {
  const { orgId, ownerId } = await createOrg();
  const approverId = await createMember(orgId, "admin");
  const { id: versionId } = await documentWithVersion(
    orgId,
    ownerId,
    approverId,
    "published",
    "privacy",
  );
  const key = await newKey(orgId, ownerId, ["consent:write", "consent:read"]);
  const alice = await newCustomer(orgId, "u-1");
  await newCustomer(orgId, "u-erased", "erased");
  const sms = await newPurpose(orgId, { code: "marketing_sms" });
  await newCustomer(orgId, "u-ca", "active", { laws: ["CCPA"] });
  await newPurpose(orgId, { code: "account", bases: { PIPL: "contract" }, required: true });
  await newPurpose(orgId, { code: "old_purpose", archived: true });
  await newPurpose(orgId, {
    code: "data_sale",
    consentKind: "separate",
    bases: { PIPL: "consent", CCPA: "opt_out" },
  });
  const post = (body: unknown, headers: Record<string, string> = {}, token = key.token) =>
    call(recordConsentEvents, "/consent-events", { token, body, headers });
  const consents = (ref: string) =>
    call(getCustomerConsents, `/customers/${ref}/consents`, {
      token: key.token,
      params: { externalRef: ref },
    });
  const check = (ref: string, purpose: string, token = key.token) =>
    call(checkCustomerConsent, `/customers/${ref}/consents/${purpose}/check`, {
      token,
      params: { externalRef: ref, purpose },
    });
  const snapshot = async () =>
    Promise.all(
      [consentEvents, consentBatches, consentState, idempotencyKeys, auditEvents].map((t) =>
        rowCount(orgId, t),
      ),
    );
  return { orgId, ownerId, key, versionId, alice, sms, post, consents, check, snapshot };
}

const grant = {
  customerRef: "u-1",
  purpose: "marketing_sms",
  action: "grant",
  occurredAt: "2026-11-01T10:00:00+08:00",
  channel: "app",
};

describe("POST /api/v1/consent-events", () => {
  it("records receipts with a batch root, truncated IP and state, audited once as the key; a retry replays", async () => {
    const { orgId, key, versionId, alice, sms, post, snapshot } = await setup();
    const body = {
      items: [
        {
          ...grant,
          policyVersion: { document: "privacy", version: 1 },
          ip: "203.0.113.77",
          userAgent: "Mozilla/5.0",
          locale: "zh-CN",
          noticeHash: "AB".repeat(32),
          gpc: false,
        },
        {
          ...grant,
          action: "withdraw",
          occurredAt: "2026-11-01T11:00:00+08:00",
          channel: "sms",
          ip: "2001:db8:85a3:1:2:3:4:5",
        },
      ],
    };
    const res = await post(body, { "Idempotency-Key": "batch-1" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      batchId: expect.any(String),
      merkleRoot: expect.stringMatching(/^[0-9a-f]{64}$/),
      receipts: [
        { index: 0, id: expect.any(String), contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
        { index: 1, id: expect.any(String), contentHash: expect.any(String) },
      ],
    });

    await withTenant(orgId, async (tx) => {
      const rows = await tx
        .select()
        .from(consentEvents)
        .where(eq(consentEvents.batchId, res.body.batchId))
        .orderBy(consentEvents.batchSeq);
      expect(rows[0]).toMatchObject({
        id: res.body.receipts[0].id,
        customerId: alice.id,
        purposeId: sms.id,
        policyVersionId: versionId,
        ipTruncated: "203.0.113.0",
        noticeHash: "ab".repeat(32),
        source: "platform_api",
        locale: "zh-CN",
      });
      expect(rows[1]).toMatchObject({
        ipTruncated: "2001:db8:85a3::",
        action: "withdraw",
        channel: "sms",
      });
      const [state] = await tx
        .select()
        .from(consentState)
        .where(eq(consentState.customerId, alice.id));
      expect(state).toMatchObject({ status: "withdrawn", eventId: res.body.receipts[1].id });
      // Neither the full IP nor the user agent reaches the audit chain.
      const chain = JSON.stringify(
        await tx.select().from(auditEvents).where(eq(auditEvents.orgId, orgId)),
      );
      expect(chain).not.toMatch(/203\.0\.113\.77|Mozilla|2001:db8/);
    });
    expect(await eventsOf(orgId, "consent.batch_recorded")).toEqual([
      {
        actorType: "api_key",
        actorId: key.id,
        targetType: "consent_batch",
        targetId: res.body.batchId,
        details: {
          batchId: res.body.batchId,
          count: 2,
          merkleRoot: res.body.merkleRoot,
          source: "platform_api",
        },
      },
    ]);

    const before = await snapshot();
    const replay = await post(body, { "Idempotency-Key": "batch-1" });
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(res.body);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a batch with any bad item: 422 with an error per item and field, and writes nothing", async () => {
    const { post, snapshot } = await setup();
    const before = await snapshot();
    const res = await post(
      {
        items: [
          grant,
          { ...grant, customerRef: "nobody" },
          { ...grant, customerRef: "u-erased" },
          { ...grant, purpose: "no_such_purpose" },
          { ...grant, purpose: "old_purpose" },
          { ...grant, purpose: "account", action: "withdraw" },
          { ...grant, policyVersion: { document: "privacy", version: 9 } },
          { ...grant, occurredAt: new Date(Date.now() + 3_600_000).toISOString() },
        ],
      },
      { "Idempotency-Key": "bad-refs" },
    );
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body.type).toBe("urn:privacy-desk:problem:validation");
    expect(
      res.body.errors.map((e: { index: number; field: string; code: string }) => [
        e.index,
        e.field,
        e.code,
      ]),
    ).toEqual([
      [1, "customerRef", "unknown_reference"],
      [2, "customerRef", "unknown_reference"],
      [3, "purpose", "unknown_reference"],
      [4, "purpose", "archived"],
      [5, "action", "required_purpose"],
      [6, "policyVersion", "unknown_reference"],
      [7, "occurredAt", "future"],
    ]);

    const malformed = await post({
      items: [
        { ...grant, action: "maybe" },
        { ...grant, channel: "fax", ip: "300.1.1.1" },
        { ...grant, occurredAt: "yesterday" },
        { purpose: "marketing_sms" },
      ],
    });
    expect(malformed.status).toBe(422);
    const pairs = malformed.body.errors.map(
      (e: { index: number; field: string }) => `${e.index}.${e.field}`,
    );
    expect(pairs).toEqual(
      expect.arrayContaining([
        "0.action",
        "1.channel",
        "1.ip",
        "2.occurredAt",
        "3.customerRef",
        "3.action",
        "3.occurredAt",
        "3.channel",
      ]),
    );
    expect((await post({ items: Array.from({ length: 1001 }, () => grant) })).status).toBe(413);
    expect((await post({ items: [] })).status).toBe(422);
    expect(await snapshot()).toEqual(before);
  });

  it("needs consent:write", async () => {
    const { orgId, ownerId, post, snapshot } = await setup();
    const reader = await newKey(orgId, ownerId, ["consent:read"]);
    const before = await snapshot();
    expect((await post({ items: [grant] }, {}, reader.token)).status).toBe(403);
    expect((await post({ items: [grant] }, {}, "pdk_nope_nope")).status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });
});

describe("GET /api/v1/customers/{ref}/consents and /check", () => {
  it("lists current state per purpose with its receipt and policy version, audited as a read; 404 for unknown and erased", async () => {
    const { orgId, key, versionId, alice, post, consents } = await setup();
    const recorded = await post({
      items: [
        { ...grant, policyVersion: { document: "privacy", version: 1 } },
        { ...grant, purpose: "data_sale", action: "withdraw", gpc: true },
      ],
    });
    const res = await consents("u-1");
    expect(res.status).toBe(200);
    expect(res.body.customerRef).toBe("u-1");
    const by = Object.fromEntries(
      res.body.consents.map((c: { purpose: string }) => [c.purpose, c]),
    );
    expect(Object.keys(by).sort()).toEqual(["account", "data_sale", "marketing_sms"]);
    expect(by.marketing_sms).toEqual({
      purpose: "marketing_sms",
      bases: { PIPL: "consent" },
      consentKind: "standard",
      required: false,
      status: "granted",
      occurredAt: "2026-11-01T02:00:00.000Z",
      receiptId: recorded.body.receipts[0].id,
      policyVersion: { id: versionId, document: "privacy", version: 1 },
      reconsentRequired: false,
      gpc: false,
      allowed: true,
      reason: "granted",
      law: "PIPL",
      article: "PIPL Art. 13(1)(1)",
    });
    // A GPC flag means nothing under PIPL: the withdrawal is a withdrawal of consent (Art. 15).
    expect(by.data_sale).toMatchObject({
      status: "withdrawn",
      gpc: true,
      allowed: false,
      reason: "withdrawn",
      law: "PIPL",
      article: "PIPL Art. 15",
      policyVersion: null,
    });
    expect(by.account).toMatchObject({
      status: null,
      receiptId: null,
      allowed: true,
      reason: "not_required_consent",
    });
    expect(await eventsOf(orgId, "consent.read")).toEqual([
      {
        actorType: "api_key",
        actorId: key.id,
        targetType: "customer",
        targetId: alice.id,
        details: { via: "api", purposes: 3 },
      },
    ]);

    for (const ref of ["nobody", "u-erased"]) {
      const missing = await consents(ref);
      expect(missing.status).toBe(404);
      expect(missing.body.type).toBe("urn:privacy-desk:problem:not-found");
    }
  });

  it("answers the check from the current state without an audit event, counting the key in its own bucket", async () => {
    const { orgId, ownerId, key, post, check } = await setup();
    const auditBefore = await rowCount(orgId, auditEvents);
    expect((await check("u-1", "marketing_sms")).body).toEqual({
      allowed: false,
      reason: "not_granted",
      law: "PIPL",
      article: "PIPL Art. 13(1)(1)",
    });
    // The same purpose: consent under PIPL, an opt-out for a Californian.
    expect((await check("u-1", "data_sale")).body).toEqual({
      allowed: false,
      reason: "not_granted",
      law: "PIPL",
      article: "PIPL Art. 14(1)",
    });
    expect((await check("u-ca", "data_sale")).body).toEqual({
      allowed: true,
      reason: "not_opted_out",
      law: "CCPA",
      article: "CCPA §1798.120(a)",
    });
    expect((await check("u-1", "account")).body).toEqual({
      allowed: true,
      reason: "not_required_consent",
      law: "PIPL",
      article: "PIPL Art. 13(1)(2)",
    });
    expect((await check("u-1", "old_purpose")).body).toEqual({
      allowed: false,
      reason: "unknown_purpose",
      law: null,
      article: null,
    });
    expect((await check("u-1", "Not-A-Code")).body).toEqual({
      allowed: false,
      reason: "unknown_purpose",
      law: null,
      article: null,
    });
    expect((await check("nobody", "marketing_sms")).body).toEqual({
      allowed: false,
      reason: "unknown_customer",
      law: null,
      article: null,
    });
    expect((await check("u-erased", "marketing_sms")).body).toEqual({
      allowed: false,
      reason: "unknown_customer",
      law: null,
      article: null,
    });
    expect(await rowCount(orgId, auditEvents)).toBe(auditBefore);

    await post({ items: [grant] });
    expect((await check("u-1", "marketing_sms")).body).toMatchObject({
      allowed: true,
      reason: "granted",
    });
    await post({
      items: [{ ...grant, action: "withdraw", occurredAt: "2026-11-02T10:00:00+08:00" }],
    });
    const res = await check("u-1", "marketing_sms");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      allowed: false,
      reason: "withdrawn",
      law: "PIPL",
      article: "PIPL Art. 15",
    });

    const [bucket] = await withoutTenant((tx) =>
      tx
        .select()
        .from(rateLimitBuckets)
        .where(like(rateLimitBuckets.key, `api-key:${key.id}:consent-check`)),
    );
    expect(bucket.count).toBe(10);
    const [row] = await withTenant(orgId, (tx) =>
      tx
        .select({ lastUsedAt: apiKeys.lastUsedAt })
        .from(apiKeys)
        .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, key.id))),
    );
    expect(row.lastUsedAt).toBeInstanceOf(Date);

    const writer = await newKey(orgId, ownerId, ["consent:write"]);
    expect((await check("u-1", "marketing_sms", writer.token)).status).toBe(403);
  });
});

describe("defineEndpoint's unaudited option", () => {
  it("is refused for a write and without a reason", () => {
    const read = () => ({ answer: () => ({ status: 200, body: {} }) });
    const rateLimit = { perMinute: 60 };
    // A body is not in the type; a caller in plain JavaScript is refused at start-up all the same.
    const withBody = {
      scope: "consent:write",
      body: z.object({}),
      unaudited: { reason: "fast" },
      rateLimit,
      read,
    } as unknown as Parameters<typeof defineEndpoint>[0];
    expect(() => defineEndpoint(withBody)).toThrow(/GET/);
    expect(() =>
      defineEndpoint({ scope: "consent:read", unaudited: { reason: " " }, rateLimit, read }),
    ).toThrow(/reason/);
    expect(() =>
      defineEndpoint({
        scope: "consent:read",
        unaudited: { reason: "read at volume" },
        rateLimit,
        read,
      }),
    ).not.toThrow();
  });
});
