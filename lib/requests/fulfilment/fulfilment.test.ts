import { and, desc, eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import {
  auditEvents,
  consentState,
  customers,
  dataSubjectRequests,
  purposes,
  requestExports,
} from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { recordAudit } from "@/lib/core/audit/record";
import { recordConsentBatch } from "@/lib/consent/record";
import { newPurpose } from "@/lib/consent/test-support";
import { upsertCustomers } from "@/lib/customers/commands";
import { findCustomersBy, revealField } from "@/lib/customers/queries";
import { addPaymentAccount, addTrades } from "@/lib/customers/vault-test-support";
import { insertVendor } from "@/lib/vendors/test-support";
import { orgWithOfficer } from "@/tests/factories";
import { createRequest } from "../commands";
import { recordRefusals, refusablePurposes } from "./consent";
import { assertFulfilled, completeFulfilledRequest } from "./completion";
import { decideVendorTask, eraseForRequest, erasurePreview, vendorTasksOf } from "./erasure";
import { runRequestExport } from "./export-job";
import { latestExport, openExportForDownload, startExport } from "./exports";
import { erasureExplanation } from "./holds";
import { decideRectification, proposeRectification, rectificationsOf } from "./rectification";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { tenantContext } from "@/lib/core/tenancy/context";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let zhang: string;
let other: string;

const inTenant = <T>(fn: (ctx: TenantContext) => Promise<T>): Promise<T> =>
  withTenant(orgId, (tx) => fn(tenantContext(tx, orgId, { type: "user", id: officerId })));

const newRequest = (
  type: "access" | "erasure" | "rectification" | "withdraw_consent",
  customerId: string,
) =>
  inTenant((ctx) =>
    createRequest(ctx, {
      type,
      channel: "phone",
      customerId,
      locale: "zh-CN",
      receivedAt: new Date("2026-11-20T12:00:00Z"),
      verifiedOn: "2026-11-20",
      identityMethod: "phone_callback",
    }),
  );

const auditsOf = (requestId: string) =>
  withTenant(orgId, (tx) =>
    tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.targetId, requestId)))
      .orderBy(desc(auditEvents.seq)),
  );

beforeAll(async () => {
  ({ orgId, officerId } = await orgWithOfficer());
  [zhang, other] = await withTenant(orgId, async (tx) =>
    (
      await upsertCustomers(tx, orgId, [
        {
          externalRef: "u-zhang",
          displayName: "张伟",
          phone: "+8613800138000",
          email: "zhang.wei@example.com",
          address: "北京市朝阳区建国路 1 号",
          laws: ["PIPL"],
          region: "CN-BJ",
        },
        {
          externalRef: "u-other",
          displayName: "李娜",
          phone: "+8613900139000",
          laws: ["PIPL"],
          region: "CN-SH",
        },
      ])
    ).map((r) => r.id),
  );
  await addTrades(orgId, zhang, other);
  await addPaymentAccount(orgId, zhang, "bank_card", "6222020200112233445");
  const marketing = await newPurpose(orgId, { code: "marketing_sms" });
  await withTenant(orgId, (tx) =>
    recordConsentBatch(
      tx,
      orgId,
      [
        {
          customerId: zhang,
          purposeId: marketing.id,
          action: "grant",
          channel: "app",
          source: "customer",
          userAgent: "Mozilla/5.0 <script>",
          ipTruncated: "10.1.2.0",
          occurredAt: "2026-10-01T08:00:00Z",
        },
      ],
      async (e) => void (await recordAudit(tx, orgId, { type: "system", id: "test" }, e)),
    ),
  );
  const sms = await insertVendor(orgId, { name: "短信服务商", dataCategories: ["contact"] });
  const payment = await insertVendor(orgId, {
    name: "支付机构",
    dataCategories: ["financial", "transactions"],
  });
  const face = await insertVendor(orgId, { name: "人脸核身", dataCategories: ["biometric"] });
  const ads = await insertVendor(orgId, { name: "广告平台", dataCategories: ["device"] });
  // In the registry with categories the customer has, but no purpose sends it anything.
  await insertVendor(orgId, { name: "客服外包", dataCategories: ["contact", "transactions"] });
  const payments = await newPurpose(orgId, {
    code: "payments",
    bases: { PIPL: "contract", GDPR: "contract", CCPA: "notice" },
  });
  const faceCheck = await newPurpose(orgId, { code: "face_check" }); // consent, never granted
  const adsPurpose = await newPurpose(orgId, {
    code: "sale_share_ads",
    consentKind: "separate",
    bases: { PIPL: "consent", GDPR: "consent", CCPA: "opt_out" },
  });
  await withTenant(orgId, async (tx) => {
    for (const [purposeId, vendorIds, dataCategories] of [
      [marketing.id, [sms], ["contact"]],
      [payments.id, [payment], ["financial", "transactions"]],
      [faceCheck.id, [face], ["biometric"]],
      [adsPurpose.id, [ads], ["device"]],
    ] as const)
      await tx
        .update(purposes)
        .set({ recipientVendorIds: [...vendorIds], dataCategories: [...dataCategories] })
        .where(eq(purposes.id, purposeId));
  });
});

describe("access package", () => {
  let requestId: string;
  let exportId: string;

  it("builds a sealed ZIP with the decrypted profile, orders both ways, masked accounts, receipts and requests", async () => {
    ({ id: requestId } = await newRequest("access", zhang));
    ({ exportId } = await inTenant((ctx) => startExport(ctx, requestId)));
    expect((await withTenant(orgId, (tx) => latestExport(tx, orgId, requestId)))?.status).toBe(
      "building",
    );
    expect(await runRequestExport(orgId, exportId)).toBe("ready");
    expect(await runRequestExport(orgId, exportId)).toBe("skipped");

    const summary = (await withTenant(orgId, (tx) => latestExport(tx, orgId, requestId)))!;
    expect(summary).toMatchObject({
      status: "ready",
      downloads: 0,
      counts: {
        profile: 1,
        orders: 2,
        vouchers: 2,
        listings: 1,
        paymentAccounts: 1,
        consentReceipts: 1,
        requests: 1,
      },
    });
    expect(summary.expiresAt!.getTime() - summary.readyAt!.getTime()).toBe(7 * 86_400_000);
    const [stored] = await withTenant(orgId, (tx) =>
      tx.select().from(requestExports).where(eq(requestExports.id, exportId)),
    );
    expect(stored.fileEnc!.includes(Buffer.from("张伟"))).toBe(false);

    const file = await withTenant(orgId, (tx) =>
      openExportForDownload(tx, orgId, exportId, { userId: officerId }),
    );
    expect(file.filename).toMatch(/^R-2026-\d{6}-data-package\.zip$/);
    const entries = unzipSync(new Uint8Array(file.bytes));
    expect(Object.keys(entries).sort()).toEqual([
      "consentReceipts.csv",
      "consentReceipts.json",
      "listings.csv",
      "listings.json",
      "orders.csv",
      "orders.json",
      "paymentAccounts.csv",
      "paymentAccounts.json",
      "profile.csv",
      "profile.json",
      "requests.csv",
      "requests.json",
      "summary.html",
      "vouchers.csv",
      "vouchers.json",
    ]);
    const profile = JSON.parse(strFromU8(entries["profile.json"]));
    expect(profile).toMatchObject({
      displayName: "张伟",
      phone: "+8613800138000",
      email: "zhang.wei@example.com",
    });
    const orders = JSON.parse(strFromU8(entries["orders.json"]));
    expect(orders.map((o: { role: string }) => o.role).sort()).toEqual(["buyer", "seller"]);
    expect(orders.every((o: { counterparty: string }) => o.counterparty.includes("****"))).toBe(
      true,
    );
    const all = Object.values(entries)
      .map((bytes) => strFromU8(bytes))
      .join("\n");
    expect(all).not.toContain("13900139000");
    expect(all).not.toContain("6222020200112233445");
    expect(all).toContain("3445");
    const receipts = JSON.parse(strFromU8(entries["consentReceipts.json"]));
    expect(receipts[0]).toMatchObject({ purpose: "marketing_sms", action: "grant" });
    expect(receipts[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(strFromU8(entries["profile.csv"])).toContain("张伟");
    const html = strFromU8(entries["summary.html"]);
    expect(html).toContain("个人资料 / Profile");
    expect(html).toContain("Mozilla/5.0 &lt;script&gt;");
    expect(html).not.toContain("<script>");

    expect((await withTenant(orgId, (tx) => latestExport(tx, orgId, requestId)))?.downloads).toBe(
      1,
    );
    const audits = await auditsOf(requestId);
    const built = audits.find((a) => a.action === "request.export_built")!;
    expect(built.details).toMatchObject({ exportId, orders: 2, consentReceipts: 1 });
    expect(JSON.stringify(audits.map((a) => a.details))).not.toMatch(/张伟|138001380|zhang\.wei/);
  });

  it("refuses a package past its seven days", async () => {
    const later = new Date(Date.now() + 8 * 86_400_000);
    await expect(
      withTenant(orgId, (tx) => openExportForDownload(tx, orgId, exportId, { now: later })),
    ).rejects.toMatchObject({ reason: "expired" });
  });

  it("completes only once a package was built", async () => {
    const { id } = await newRequest("access", other);
    await expect(withTenant(orgId, (tx) => assertFulfilled(tx, orgId, id))).rejects.toMatchObject({
      reason: "noPackage",
    });
    await withTenant(orgId, (tx) => assertFulfilled(tx, orgId, requestId));
  });
});

describe("rectification", () => {
  it("seals the proposal, writes the vault on approval and audits the field name only", async () => {
    const { id } = await newRequest("rectification", other);
    await expect(
      withTenant(orgId, (tx) => proposeRectification(tx, orgId, id, "phone", "not a phone")),
    ).rejects.toMatchObject({ code: "invalid" });
    const phoneId = await withTenant(orgId, (tx) =>
      proposeRectification(tx, orgId, id, "phone", "139 0013 9001"),
    );
    const nameId = await withTenant(orgId, (tx) =>
      proposeRectification(tx, orgId, id, "displayName", "李娜娜"),
    );
    const listed = await withTenant(orgId, (tx) => rectificationsOf(tx, orgId, id, other));
    expect(listed.map((r) => [r.field, r.proposed, r.decision])).toEqual([
      ["phone", "+8613900139001", "pending"],
      ["displayName", "李娜娜", "pending"],
    ]);

    await inTenant((ctx) => decideRectification(ctx, id, phoneId, "approved"));
    await inTenant((ctx) => decideRectification(ctx, id, nameId, "rejected"));
    expect(
      await withTenant(orgId, (tx) => findCustomersBy(tx, orgId, { phone: "+8613900139001" })),
    ).toHaveLength(1);
    expect(await withTenant(orgId, (tx) => revealField(tx, orgId, other, "displayName"))).toBe(
      "李娜",
    );
    const decided = (await auditsOf(id))
      .filter((a) => a.action === "request.rectification_decided")
      .map((a) => a.details);
    expect(decided).toEqual(
      expect.arrayContaining([
        { field: "phone", decision: "approved" },
        { field: "displayName", decision: "rejected" },
      ]),
    );
    expect(JSON.stringify(decided)).not.toContain("139");
    await withTenant(orgId, (tx) => assertFulfilled(tx, orgId, id));
  });
});

describe("withdraw consent", () => {
  it("offers granted optional purposes and records a staff withdrawal naming the request", async () => {
    const { id, reference } = await newRequest("withdraw_consent", zhang);
    const offered = await withTenant(orgId, (tx) => refusablePurposes(tx, orgId, zhang));
    expect(offered.map((p) => p.code)).toEqual(["marketing_sms"]);
    const result = await inTenant((ctx) => recordRefusals(ctx, id, [offered[0].purposeId]));
    expect(result.receipts).toBe(1);
    const [state] = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(consentState)
        .where(and(eq(consentState.orgId, orgId), eq(consentState.customerId, zhang))),
    );
    expect(state.status).toBe("withdrawn");
    expect(await withTenant(orgId, (tx) => refusablePurposes(tx, orgId, zhang))).toEqual([]);
    expect(reference).toMatch(/^R-/);
  });
});

describe("erasure", () => {
  it("previews holds and vendors, erases, tracks vendor tasks and completes only when all are settled", async () => {
    const { id } = await newRequest("erasure", zhang);
    const preview = await withTenant(orgId, (tx) => erasurePreview(tx, orgId, zhang));
    expect(preview.vendors.map((v) => v.name).sort()).toEqual(["支付机构", "短信服务商"]);
    expect(preview.holds.map((h) => [h.hold.id, h.records])).toEqual([
      ["ecommerce_transactions", 2],
      ["consent_evidence", 2],
    ]);

    const started = performance.now();
    const result = await inTenant((ctx) => eraseForRequest(ctx, id));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.vendorTasks).toBe(2);
    await expect(inTenant((ctx) => eraseForRequest(ctx, id))).rejects.toMatchObject({
      code: "conflict",
    });

    expect(
      await withTenant(orgId, (tx) => findCustomersBy(tx, orgId, { phone: "+8613800138000" })),
    ).toEqual([]);
    await expect(
      withTenant(orgId, (tx) => revealField(tx, orgId, zhang, "displayName")),
    ).rejects.toThrow();
    const [row] = await withTenant(orgId, (tx) =>
      tx.select().from(customers).where(eq(customers.id, zhang)),
    );
    expect(row).toMatchObject({ status: "erased", displayNameEnc: null, phoneBidx: null });
    // The package built before is sealed under the shredded key.
    const [oldExport] = await withTenant(orgId, (tx) =>
      tx
        .select({ id: requestExports.id })
        .from(requestExports)
        .where(eq(requestExports.status, "ready")),
    );
    await expect(
      withTenant(orgId, (tx) => openExportForDownload(tx, orgId, oldExport.id)),
    ).rejects.toMatchObject({ reason: "erased" });

    await expect(inTenant((ctx) => completeFulfilledRequest(ctx, id))).rejects.toMatchObject({
      reason: "openVendorTasks",
    });
    const tasks = await withTenant(orgId, (tx) => vendorTasksOf(tx, orgId, id));
    await inTenant((ctx) => decideVendorTask(ctx, id, tasks[0].id, "confirmed"));
    await expect(
      inTenant((ctx) => decideVendorTask(ctx, id, tasks[0].id, "confirmed")),
    ).rejects.toMatchObject({ code: "conflict" });
    await inTenant((ctx) => decideVendorTask(ctx, id, tasks[1].id, "not_applicable"));
    await inTenant((ctx) => completeFulfilledRequest(ctx, id));
    const [request] = await withTenant(orgId, (tx) =>
      tx.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.id, id)),
    );
    expect(request.status).toBe("completed");
    const actions = (await auditsOf(id)).map((a) => a.action);
    expect(actions.filter((a) => a === "request.vendor_task_confirmed")).toHaveLength(2);
    expect(actions).toContain("request.completed");
  });

  it("reaches only the vendors that received this customer's data, under their law", async () => {
    const [ccpa] = await withTenant(orgId, async (tx) =>
      (
        await upsertCustomers(tx, orgId, [
          { externalRef: "u-ca", email: "sam@example.com", laws: ["CCPA"], region: "US-CA" },
        ])
      ).map((r) => r.id),
    );
    const names = async (customerId: string) =>
      (await withTenant(orgId, (tx) => erasurePreview(tx, orgId, customerId))).vendors.map(
        (v) => v.name,
      );
    // Opt-out sale/sharing reaches a CCPA customer until they opt out; the contract purpose reaches everyone.
    expect(await names(ccpa)).toEqual(["广告平台", "支付机构"]);
    // A PIPL customer: the opt-out purpose needs their grant, so the ad platform received nothing;
    // the SMS vendor did (they granted marketing), the face check did not (never granted).
    expect(await names(other)).toEqual(["支付机构"]);
    const preview = await withTenant(orgId, (tx) => erasurePreview(tx, orgId, ccpa));
    // The task names what the purpose sends that the customer has; all it sends when none match.
    expect(preview.vendors.map((v) => v.dataCategories)).toEqual([
      ["device"],
      ["financial", "transactions"],
    ]);
  });

  it("explains the holds to the requester in their language", () => {
    expect(erasureExplanation("zh-CN")).toContain("《电子商务法》第三十一条");
    expect(erasureExplanation("en")).toContain("E-Commerce Law");
  });
});
