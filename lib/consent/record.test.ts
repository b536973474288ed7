import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { auditEvents, consentBatches, consentEvents, consentState } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { createOrg } from "@/tests/factories";
import { merkleRoot } from "./merkle";
import { canonicalReceipt, receiptHash } from "./receipt-hash";
import { recordConsentBatch, truncateIp, type ConsentEventInput } from "./record";
import { newCustomer, newPurpose, systemAudit } from "./test-support";

afterAll(closeAppDb);

const base = { channel: "app", source: "platform_api" } as const;

async function setup() {
  const { orgId } = await createOrg();
  const [alice, bob] = [await newCustomer(orgId), await newCustomer(orgId)];
  const [sms, ads] = [await newPurpose(orgId), await newPurpose(orgId)];
  const record = (events: ConsentEventInput[]) =>
    withTenant(orgId, (tx) => recordConsentBatch(tx, orgId, events, systemAudit(tx, orgId)));
  const state = () =>
    withTenant(orgId, (tx) => tx.select().from(consentState).where(eq(consentState.orgId, orgId)));
  return { orgId, alice, bob, sms, ads, record, state };
}

describe("truncateIp", () => {
  it.each([
    ["203.0.113.77", "203.0.113.0"],
    ["203.0.113.0", "203.0.113.0"],
    ["2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3::"],
    ["2001:DB8:85A3::1", "2001:db8:85a3::"],
    ["2001:db8:85a3::", "2001:db8:85a3::"],
    ["::1", "0:0:0::"],
    ["::ffff:198.51.100.9", "198.51.100.0"],
    ["fe80::1%eth0", "fe80:0:0::"],
    ["not an ip", null],
    ["999.1.1.1", null],
    ["", null],
    [null, null],
    [undefined, null],
  ])("%s → %s", (input, expected) => {
    expect(truncateIp(input)).toBe(expected);
  });
});

describe("recordConsentBatch", () => {
  it("stores hashed receipts, the batch with its root and audit seq, state, and one audit event without personal data", async () => {
    const { orgId, alice, bob, sms, ads, record, state } = await setup();
    const result = await record([
      {
        ...base,
        customerId: alice.id,
        purposeId: sms.id,
        action: "grant",
        occurredAt: "2026-11-01T08:00:00.123456Z",
        ipTruncated: "203.0.113.77",
        userAgent: "UA",
        locale: "zh-CN",
        gpc: false,
      },
      {
        ...base,
        customerId: bob.id,
        purposeId: ads.id,
        action: "deny",
        occurredAt: "2026-11-01T09:00:00+08:00",
      },
    ]);
    expect(result.receipts).toHaveLength(2);
    expect(result.merkleRoot).toMatch(/^[0-9a-f]{64}$/);

    await withTenant(orgId, async (tx) => {
      const rows = await tx
        .select()
        .from(consentEvents)
        .where(eq(consentEvents.batchId, result.batchId))
        .orderBy(asc(consentEvents.batchSeq));
      expect(rows.map((r) => r.id)).toEqual(result.receipts.map((r) => r.id));
      expect(rows[0]).toMatchObject({
        ipTruncated: "203.0.113.0",
        source: "platform_api",
        batchSeq: 0,
        action: "grant",
      });
      expect(new Date(rows[0].occurredAt).toISOString()).toBe("2026-11-01T08:00:00.123Z");
      // Recomputing each hash from the stored row gives the stored hash, and the root from those.
      const recomputed = rows.map((r) => receiptHash({ ...r, occurredAt: r.occurredAt }));
      recomputed.forEach((h, i) => expect(h.equals(rows[i].contentHash)).toBe(true));
      expect(merkleRoot(recomputed)).toBe(result.merkleRoot);

      const [batch] = await tx
        .select()
        .from(consentBatches)
        .where(eq(consentBatches.id, result.batchId));
      expect(batch).toMatchObject({
        source: "platform_api",
        eventCount: 2,
        merkleRoot: result.merkleRoot,
      });
      const [event] = await tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, "consent.batch_recorded")));
      expect(batch.auditSeq).toBe(event.seq);
      expect(event).toMatchObject({
        targetType: "consent_batch",
        targetId: result.batchId,
        details: {
          batchId: result.batchId,
          count: 2,
          merkleRoot: result.merkleRoot,
          source: "platform_api",
        },
      });
    });
    const current = await state();
    expect(current.map((s) => [s.customerId, s.purposeId, s.status]).sort()).toEqual(
      [
        [alice.id, sms.id, "granted"],
        [bob.id, ads.id, "denied"],
      ].sort(),
    );
  });

  it("keeps the newest occurredAt per customer and purpose, within a batch and across batches", async () => {
    const { alice, sms, record, state } = await setup();
    const first = await record([
      {
        ...base,
        customerId: alice.id,
        purposeId: sms.id,
        action: "grant",
        occurredAt: "2026-11-02T10:00:00Z",
      },
      {
        ...base,
        customerId: alice.id,
        purposeId: sms.id,
        action: "withdraw",
        occurredAt: "2026-11-02T12:00:00Z",
      },
      {
        ...base,
        customerId: alice.id,
        purposeId: sms.id,
        action: "deny",
        occurredAt: "2026-11-02T11:00:00Z",
      },
    ]);
    expect((await state())[0]).toMatchObject({
      status: "withdrawn",
      eventId: first.receipts[1].id,
    });

    // An older event arriving later is kept as a receipt but does not change the state.
    await record([
      {
        ...base,
        customerId: alice.id,
        purposeId: sms.id,
        action: "grant",
        occurredAt: "2026-11-01T00:00:00Z",
      },
    ]);
    expect((await state())[0]).toMatchObject({
      status: "withdrawn",
      eventId: first.receipts[1].id,
    });

    const newer = await record([
      {
        ...base,
        customerId: alice.id,
        purposeId: sms.id,
        action: "grant",
        occurredAt: "2026-11-03T00:00:00Z",
        gpc: true,
      },
    ]);
    expect((await state())[0]).toMatchObject({
      status: "granted",
      eventId: newer.receipts[0].id,
      gpc: true,
    });
  });

  it("rolls back with the caller's transaction, and refuses mixed sources and staff entries without a reason", async () => {
    const { orgId, alice, sms, record } = await setup();
    await expect(
      withTenant(orgId, async (tx) => {
        await recordConsentBatch(
          tx,
          orgId,
          [
            {
              ...base,
              customerId: alice.id,
              purposeId: sms.id,
              action: "grant",
              occurredAt: "2026-11-01T00:00:00Z",
            },
          ],
          systemAudit(tx, orgId),
        );
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");
    const count = () =>
      withTenant(
        orgId,
        async (tx) =>
          (await tx.execute<{ n: number }>(sql`select count(*)::int as n from consent_events`))
            .rows[0].n,
      );
    expect(await count()).toBe(0);

    await expect(
      record([
        {
          ...base,
          customerId: alice.id,
          purposeId: sms.id,
          action: "grant",
          occurredAt: "2026-11-01T00:00:00Z",
        },
        {
          ...base,
          source: "customer",
          customerId: alice.id,
          purposeId: sms.id,
          action: "grant",
          occurredAt: "2026-11-01T00:00:00Z",
        },
      ]),
    ).rejects.toThrow(/same source/);
    await expect(
      record([
        {
          ...base,
          source: "staff",
          customerId: alice.id,
          purposeId: sms.id,
          action: "grant",
          occurredAt: "2026-11-01T00:00:00Z",
        },
      ]),
    ).rejects.toThrow(/reason/);
    await expect(record([])).rejects.toThrow(/at least one/);
    expect(await count()).toBe(0);
  });

  it("cannot write into another organisation's customers (RLS and foreign keys)", async () => {
    const { bob, sms } = await setup();
    const other = await createOrg();
    await expect(
      withTenant(other.orgId, (tx) =>
        recordConsentBatch(
          tx,
          other.orgId,
          [
            {
              ...base,
              customerId: bob.id,
              purposeId: sms.id,
              action: "grant",
              occurredAt: "2026-11-01T00:00:00Z",
            },
          ],
          systemAudit(tx, other.orgId),
        ),
      ),
    ).rejects.toThrow();
  });
});

describe("the receipt's content hash and a guardian's consent (PIPL Art. 31)", () => {
  const receipt = {
    id: "00000000-0000-7000-8000-000000000001",
    orgId: "00000000-0000-4000-8000-000000000002",
    batchId: "00000000-0000-7000-8000-000000000003",
    batchSeq: 0,
    customerId: "00000000-0000-7000-8000-000000000004",
    purposeId: "00000000-0000-4000-8000-000000000005",
    action: "grant" as const,
    policyVersionId: null,
    noticeHash: null,
    channel: "web" as const,
    locale: "zh-CN",
    ipTruncated: null,
    userAgent: null,
    gpc: false,
    source: "customer" as const,
    staffUserId: null,
    staffReason: null,
    occurredAt: "2026-11-01T08:00:00.000Z",
  };

  it("encodes a receipt that is not a guardian's as it always did, so older receipts still verify", () => {
    expect(JSON.parse(canonicalReceipt(receipt))).toHaveLength(18);
    expect(canonicalReceipt({ ...receipt, byGuardian: false, guardianChallengeId: null })).toBe(
      canonicalReceipt(receipt),
    );
  });

  it("covers by_guardian and the guardian's challenge", () => {
    const guardian = {
      ...receipt,
      byGuardian: true,
      guardianChallengeId: "00000000-0000-4000-8000-000000000006",
    };
    expect(receiptHash(guardian).equals(receiptHash(receipt))).toBe(false);
    expect(
      receiptHash(guardian).equals(
        receiptHash({ ...guardian, guardianChallengeId: "00000000-0000-4000-8000-000000000007" }),
      ),
    ).toBe(false);
  });
});
