import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/(console)/consent/customers/[id]/export/route";
import { closeAppDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { lastAudit } from "@/tests/audit";
import { actAs, createMember } from "@/tests/factories";
import { consoleFixture, daysAgo, record } from "./console-test-support";
import { decisionColumns, evidenceColumns, type Evidence } from "./export";
import { verifyMerkleProof } from "./merkle";
import { canonicalReceipt, receiptHash } from "./receipt-hash";

afterAll(closeAppDb);

let f: Awaited<ReturnType<typeof consoleFixture>>;
let receiptIds: string[];

beforeAll(async () => {
  f = await consoleFixture();
  const [a, b] = f.customers;
  const first = await record(f.orgId, [
    {
      customerId: a,
      purposeId: f.marketing,
      action: "grant",
      occurredAt: daysAgo(9),
      ipTruncated: "203.0.113.9",
      userAgent: '=HYPERLINK("x")',
      locale: "zh-CN",
    },
    { customerId: b, purposeId: f.marketing, action: "grant", occurredAt: daysAgo(9) },
    { customerId: b, purposeId: f.location, action: "grant", occurredAt: daysAgo(9) },
  ]);
  const second = await record(f.orgId, [
    {
      customerId: a,
      purposeId: f.marketing,
      action: "withdraw",
      source: "staff",
      channel: "offline",
      staffUserId: f.officerId,
      staffReason: "客户致电要求停止营销短信",
      occurredAt: daysAgo(1),
    },
  ]);
  receiptIds = [first.receipts[0].id, second.receipts[0].id];
});

const download = (format: string, id = f.customers[0]) =>
  exportRoute(new Request(`http://localhost/consent/customers/${id}/export?format=${format}`), {
    params: Promise.resolve({ id }),
  });

describe("a customer's receipts as evidence", () => {
  it("exports every field as JSON, each receipt provable against its batch's Merkle root, and audits counts only", async () => {
    await actAs(f.officerId, f.orgId);
    const response = await download("json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /attachment; filename="consent-receipts-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.json"/,
    );
    const evidence = (await response.json()) as Evidence;
    expect(evidence).toMatchObject({
      format: "privacy-desk/consent-evidence/v1",
      customerId: f.customers[0],
      externalRef: "c-1",
    });
    expect(evidence.receipts.map((r) => r.receiptId)).toEqual(receiptIds);
    const [grant, withdraw] = evidence.receipts;
    expect(grant).toMatchObject({
      purposeCode: "marketing_sms",
      action: "grant",
      ipTruncated: "203.0.113.0",
      channel: "app",
      source: "platform_api",
      batchSeq: 0,
    });
    expect(withdraw).toMatchObject({
      action: "withdraw",
      source: "staff",
      staffUserId: f.officerId,
      staffReason: "客户致电要求停止营销短信",
      inclusionProof: [],
    });
    for (const r of evidence.receipts) {
      expect(Object.keys(r).sort()).toEqual([...evidenceColumns].sort());
      // Recompute the content hash from the exported fields alone, then fold the proof to the root.
      const content = {
        ...r,
        id: r.receiptId,
        orgId: evidence.organizationId,
      } as unknown as Parameters<typeof canonicalReceipt>[0];
      expect(receiptHash(content).toString("hex")).toBe(r.contentHash);
      expect(
        verifyMerkleProof(Buffer.from(r.contentHash, "hex"), r.inclusionProof, r.merkleRoot),
      ).toBe(true);
    }
    // The decision now, as the check answers it, under the customer's law (the organisation's: PIPL).
    expect(evidence.decisions).toEqual([
      {
        purposeCode: "account",
        status: null,
        allowed: true,
        reason: "not_required_consent",
        law: "PIPL",
        article: "PIPL Art. 13(1)(2)",
      },
      {
        purposeCode: "data_sale",
        status: null,
        allowed: false,
        reason: "not_granted",
        law: "PIPL",
        article: "PIPL Art. 14(1)",
      },
      {
        purposeCode: "location",
        status: null,
        allowed: false,
        reason: "not_granted",
        law: "PIPL",
        article: "PIPL Art. 14(1)",
      },
      {
        purposeCode: "marketing_sms",
        status: "withdrawn",
        allowed: false,
        reason: "withdrawn",
        law: "PIPL",
        article: "PIPL Art. 15",
      },
    ]);
    expect(await lastAudit(f.orgId)).toMatchObject({
      action: "consent.exported",
      targetType: "customer",
      targetId: f.customers[0],
      details: { format: "json", receipts: 2 },
    });
  });

  it("exports the same as CSV with a header row, formulas defused, each row with the current decision on its purpose", async () => {
    await actAs(f.officerId, f.orgId);
    const response = await download("csv");
    expect(response.headers.get("content-type")).toContain("text/csv");
    const text = await response.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe([...evidenceColumns, ...decisionColumns].map((c) => `"${c}"`).join(","));
    expect(lines[1]).toContain(receiptIds[0]);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[2]).toContain("客户致电要求停止营销短信");
    // Both rows are about marketing_sms, now withdrawn: the decision the JSON's decisions and the check give.
    for (const line of lines.slice(1))
      expect(line.endsWith(`"false","withdrawn","PIPL","PIPL Art. 15"`)).toBe(true);
  });

  it("is refused without consent.export, and an unknown customer is not found", async () => {
    await actAs(await createMember(f.orgId, "manager"), f.orgId);
    expect((await download("json")).status).toBe(403);
    await actAs(f.officerId, f.orgId);
    expect((await download("json", "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const exported = await withTenant(f.orgId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, f.orgId), eq(auditEvents.action, "consent.exported"))),
    );
    expect(exported).toHaveLength(2);
  });
});
