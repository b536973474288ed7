import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { consentBatches, consentEvents } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { createOrg } from "@/tests/factories";
import { consoleFixture, daysAgo, record } from "./console-test-support";
import { getReceipt, listReceipts } from "./explorer";

afterAll(closeAppDb);

let f: Awaited<ReturnType<typeof consoleFixture>>;

beforeAll(async () => {
  f = await consoleFixture();
  const [a, b, c] = f.customers;
  // 120 receipts over three batches so pages, filters and proofs have something to chew on.
  await record(
    f.orgId,
    Array.from({ length: 60 }, (_, i) => ({
      customerId: [a, b, c][i % 3],
      purposeId: f.marketing,
      action: "grant" as const,
      occurredAt: daysAgo(30 - i / 10),
    })),
  );
  await record(
    f.orgId,
    Array.from({ length: 55 }, (_, i) => ({
      customerId: [a, b][i % 2],
      purposeId: f.location,
      action: i % 5 === 0 ? ("deny" as const) : ("grant" as const),
      channel: "mini_program" as const,
    })),
  );
  await record(f.orgId, [
    {
      customerId: a,
      purposeId: f.marketing,
      action: "withdraw",
      source: "customer",
      channel: "web",
    },
    {
      customerId: c,
      purposeId: f.sale,
      action: "withdraw",
      source: "customer",
      channel: "web",
      gpc: true,
      ipTruncated: "203.0.113.77",
      userAgent: "UA",
    },
  ]);
});

const list = (filters: Parameters<typeof listReceipts>[2], cursor?: string, orgId = f.orgId) =>
  withTenant(orgId, (tx) => listReceipts(tx, orgId, filters, cursor));

describe("the receipts explorer", () => {
  it("pages newest first by (recorded_at, id), 50 a page, with no receipt twice or missed", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const page = await list({}, cursor);
      sizes.push(page.rows.length);
      seen.push(...page.rows.map((r) => r.id));
      for (let i = 1; i < page.rows.length; i++) {
        const [prev, row] = [page.rows[i - 1], page.rows[i]];
        expect(new Date(prev.recordedAt) >= new Date(row.recordedAt)).toBe(true);
      }
      cursor = page.next;
    } while (cursor);
    expect(sizes).toEqual([50, 50, 17]);
    expect(new Set(seen).size).toBe(117);
    // The last batch was recorded last, so its two receipts come first.
    const first = await list({});
    expect(first.rows.slice(0, 2).map((r) => r.action)).toEqual(["withdraw", "withdraw"]);
  });

  it("filters by purpose, action, channel, source and GPC, and shows masks, never plaintext", async () => {
    const denied = await list({ purposeId: f.location, action: "deny" });
    expect(denied.rows).toHaveLength(11);
    expect(
      denied.rows.every(
        (r) => r.purposeCode === "location" && r.action === "deny" && r.channel === "mini_program",
      ),
    ).toBe(true);
    expect((await list({ source: "customer" })).rows).toHaveLength(2);
    expect(
      (await list({ channel: "web", action: "withdraw", purposeId: f.marketing })).rows,
    ).toHaveLength(1);
    const gpc = await list({ gpc: true });
    expect(gpc.rows.map((r) => [r.purposeCode, r.gpc])).toEqual([["data_sale", true]]);
    const shown = JSON.stringify((await list({ purposeId: f.marketing })).rows);
    expect(shown).not.toContain("13800138000");
    expect(shown).not.toContain("张伟");
    expect(shown).toContain("138****8000");
  });

  it("filters by recorded date and ignores a tampered cursor", async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect((await list({ from: tomorrow })).rows).toHaveLength(0);
    expect((await list({ to: tomorrow })).rows).toHaveLength(50);
    const bad = Buffer.from(JSON.stringify({ v: "'; drop table x", id: f.customers[0] })).toString(
      "base64url",
    );
    expect((await list({}, bad)).rows).toHaveLength(50);
  });

  it("shows every field of a receipt and proves it untouched and included in its batch's root", async () => {
    const [gpc] = (await list({ gpc: true })).rows;
    const receipt = await withTenant(f.orgId, (tx) => getReceipt(tx, f.orgId, gpc.id));
    expect(receipt).toMatchObject({
      ipTruncated: "203.0.113.0",
      userAgent: "UA",
      gpc: true,
      source: "customer",
      batchEventCount: 2,
      batchSeq: 1,
    });
    expect(receipt?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt?.verification).toMatchObject({
      contentHashMatches: true,
      proofValid: true,
      auditRootMatches: true,
    });
    expect(receipt?.verification.proof).toHaveLength(1);

    // In the 55-leaf batch the first leaf has a sibling on every level: ceil(log2 55) = 6 steps.
    // The last one is carried up unpaired twice (55 → 28, 7 → 4), so its proof is 2 steps shorter.
    // (Picked by position: the list's order within one batch follows random id bits.)
    const leaf = async (batchSeq: number) => {
      const [row] = await withTenant(f.orgId, (tx) =>
        tx
          .select({ id: consentEvents.id })
          .from(consentEvents)
          .where(
            and(
              eq(consentEvents.orgId, f.orgId),
              eq(consentEvents.purposeId, f.location),
              eq(consentEvents.batchSeq, batchSeq),
            ),
          ),
      );
      return withTenant(f.orgId, (tx) => getReceipt(tx, f.orgId, row.id));
    };
    const [inBig, last] = [await leaf(0), await leaf(54)];
    expect(inBig?.verification.proofValid).toBe(true);
    expect(inBig?.verification.proof.length).toBe(6);
    expect(last?.verification.proofValid).toBe(true);
    expect(last?.verification.proof.length).toBe(4);
    expect(last?.merkleRoot).toBe(inBig?.merkleRoot);
    const [batch] = await withTenant(f.orgId, (tx) =>
      tx
        .select()
        .from(consentBatches)
        .where(and(eq(consentBatches.orgId, f.orgId), eq(consentBatches.id, inBig!.batchId))),
    );
    expect(batch.merkleRoot).toBe(inBig?.merkleRoot);
  });

  it("sees nothing of another organisation", async () => {
    const other = await createOrg();
    expect((await list({}, undefined, other.orgId)).rows).toHaveLength(0);
    const [mine] = (await list({})).rows;
    expect(
      await withTenant(other.orgId, (tx) => getReceipt(tx, other.orgId, mine.id)),
    ).toBeUndefined();
  });
});
