import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import {
  auditEvents,
  merchants,
  paymentAccounts,
  transferListings,
  transferOrders,
  vouchers,
} from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { inTenant } from "@/lib/core/tenancy/context";
import { existingDataKey } from "@/lib/core/crypto/data-keys";
import { decryptField } from "@/lib/core/crypto/field";
import { ensureOrgKey } from "@/lib/core/crypto/org-keys";
import { eraseCustomer } from "@/lib/customers/commands";
import { createOrg } from "@/tests/factories";
import {
  upsertCustomerBatch,
  upsertListingBatch,
  upsertMerchantBatch,
  upsertOrderBatch,
  upsertPaymentAccountBatch,
  upsertVoucherBatch,
} from "./endpoints";
import { call, eventsOf, newKey, rowCount } from "./test-support";

afterAll(closeAppDb);

async function setup() {
  const { orgId, ownerId } = await createOrg();
  const key = await newKey(orgId, ownerId, ["customers:write", "orders:write"]);
  const post = (
    route: Parameters<typeof call>[0],
    body: unknown,
    headers: Record<string, string> = {},
  ) => call(route, "/x/batch", { token: key.token, body, headers });
  const people = (
    await post(upsertCustomerBatch, {
      items: [
        { externalRef: "u-1", displayName: "张伟" },
        { externalRef: "u-2", displayName: "李娜" },
      ],
    })
  ).body.results;
  return { orgId, ownerId, key, post, people };
}

const voucher = {
  externalRef: "v-1",
  merchantRef: "m-1",
  ownerRef: "u-1",
  title: "双人火锅套餐",
  faceValueCents: 19_800,
  pricePaidCents: 12_800,
  purchasedAt: "2026-10-01T12:00:00+08:00",
  redemptionCode: "HOTPOT-7788-1234",
};

describe("vault batches", () => {
  it("upserts merchants, vouchers, listings and orders by externalRef, with one audit event per batch", async () => {
    const { orgId, key, post, people } = await setup();
    const m = await post(upsertMerchantBatch, {
      items: [{ externalRef: "m-1", name: "海底捞 建国路店", category: "hotpot", city: "北京" }],
    });
    expect(m.status).toBe(200);
    expect(m.body.counts).toEqual({ created: 1, updated: 0 });

    const v = await post(upsertVoucherBatch, {
      items: [
        voucher,
        { ...voucher, externalRef: "v-2", redemptionCode: undefined, expiresAt: null },
      ],
    });
    expect(v.status).toBe(200);
    const [v1] = v.body.results;
    const stored = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(vouchers)
        .where(and(eq(vouchers.orgId, orgId), eq(vouchers.id, v1.id))),
    );
    expect(stored[0]).toMatchObject({
      ownerId: people[0].id,
      faceValueCents: 19_800,
      status: "active",
      redemptionCodeKeyVersion: 1,
    });
    expect(stored[0].redemptionCodeEnc!.toString("latin1")).not.toContain("HOTPOT");
    const orgKey = await withTenant(orgId, (tx) => ensureOrgKey(tx, orgId));
    expect(
      decryptField(orgKey, stored[0].redemptionCodeEnc!, {
        orgId,
        table: "vouchers",
        column: "redemption_code_enc",
        rowId: v1.id,
      }),
    ).toBe("HOTPOT-7788-1234");

    // An update keeps the sealed code when none is sent, and changes what is sent.
    const again = await post(upsertVoucherBatch, {
      items: [{ ...voucher, redemptionCode: undefined, status: "listed", ownerRef: "u-2" }],
    });
    expect(again.body).toEqual({
      results: [{ externalRef: "v-1", id: v1.id, created: false }],
      counts: { created: 0, updated: 1 },
    });
    const updated = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(vouchers)
        .where(and(eq(vouchers.orgId, orgId), eq(vouchers.id, v1.id))),
    );
    expect(updated[0]).toMatchObject({
      status: "listed",
      ownerId: people[1].id,
      redemptionCodeKeyVersion: 1,
    });
    expect(updated[0].redemptionCodeEnc).toEqual(stored[0].redemptionCodeEnc);

    const l = await post(upsertListingBatch, {
      items: [
        { externalRef: "l-1", voucherRef: "v-1", sellerRef: "u-2", askingPriceCents: 11_000 },
      ],
    });
    expect(l.status).toBe(200);
    const o = await post(upsertOrderBatch, {
      items: [
        {
          externalRef: "o-1",
          voucherRef: "v-1",
          listingRef: "l-1",
          buyerRef: "u-1",
          sellerRef: "u-2",
          priceCents: 11_000,
          status: "paid",
          paidAt: "2026-10-02T09:30:00Z",
        },
      ],
    });
    expect(o.status).toBe(200);
    const [order] = await withTenant(orgId, (tx) =>
      tx.select().from(transferOrders).where(eq(transferOrders.orgId, orgId)),
    );
    expect(order).toMatchObject({
      buyerId: people[0].id,
      sellerId: people[1].id,
      priceCents: 11_000,
      status: "paid",
      paidAt: new Date("2026-10-02T09:30:00Z"),
    });

    expect(
      (await eventsOf(orgId, "vault.batch_upserted")).map((e) => [
        e.actorType,
        e.actorId,
        e.targetType,
        e.details,
      ]),
    ).toEqual([
      ["api_key", key.id, "vault", { entity: "merchants", created: 1, updated: 0, items: 1 }],
      ["api_key", key.id, "vault", { entity: "vouchers", created: 2, updated: 0, items: 2 }],
      ["api_key", key.id, "vault", { entity: "vouchers", created: 0, updated: 1, items: 1 }],
      [
        "api_key",
        key.id,
        "vault",
        { entity: "transfer_listings", created: 1, updated: 0, items: 1 },
      ],
      ["api_key", key.id, "vault", { entity: "transfer_orders", created: 1, updated: 0, items: 1 }],
    ]);
  });

  it("refuses a whole batch (422, an error per item) when references are unknown, writing nothing", async () => {
    const { orgId, post } = await setup();
    await post(upsertMerchantBatch, { items: [{ externalRef: "m-1", name: "门店" }] });
    const events = await rowCount(orgId, auditEvents);
    const res = await post(
      upsertVoucherBatch,
      {
        items: [
          voucher,
          { ...voucher, externalRef: "v-2", merchantRef: "m-404" },
          { ...voucher, externalRef: "v-3", ownerRef: "u-404" },
        ],
      },
      { "Idempotency-Key": "v" },
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { index: 1, field: "merchantRef", code: "unknown_reference", message: expect.any(String) },
      { index: 2, field: "ownerRef", code: "unknown_reference", message: expect.any(String) },
    ]);
    expect(await rowCount(orgId, vouchers)).toBe(0);
    expect(await rowCount(orgId, auditEvents)).toBe(events);

    const bad = await post(upsertOrderBatch, {
      items: [
        {
          externalRef: "o-1",
          voucherRef: "v-1",
          buyerRef: "u-1",
          sellerRef: "u-2",
          priceCents: 12.5,
        },
      ],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([
      { index: 0, field: "priceCents", code: "invalidType", message: "Expected an integer." },
    ]);
    expect(await rowCount(orgId, transferOrders)).toBe(0);
    expect(await rowCount(orgId, transferListings)).toBe(0);
    expect(await rowCount(orgId, merchants)).toBe(1);
  });

  it("seals payment identifiers under the holder's data key, masks them, and refuses erased customers", async () => {
    const { orgId, ownerId, post, people } = await setup();
    const res = await post(upsertPaymentAccountBatch, {
      items: [
        { externalRef: "pa-1", customerRef: "u-1", type: "alipay", identifier: "13800138000" },
        {
          externalRef: "pa-2",
          customerRef: "u-1",
          type: "bank_card",
          identifier: "6222 0212 3456 7890 123",
        },
      ],
    });
    expect(res.status).toBe(200);
    const rows = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(paymentAccounts)
        .where(eq(paymentAccounts.orgId, orgId))
        .orderBy(paymentAccounts.externalRef),
    );
    expect(rows.map((r) => r.identifierMasked)).toEqual(["支付宝 138****8000", "银行卡 **** 0123"]);
    expect(rows[0].identifierEnc.toString("latin1")).not.toContain("13800138000");
    const key = await withTenant(orgId, (tx) => existingDataKey(tx, orgId, people[0].id));
    expect(
      decryptField(key, rows[1].identifierEnc, {
        orgId,
        table: "payment_accounts",
        column: "identifier_enc",
        rowId: rows[1].id,
      }),
    ).toBe("6222 0212 3456 7890 123");

    await inTenant(orgId, { type: "user", id: ownerId }, (ctx) => eraseCustomer(ctx, people[1].id));
    const refused = await post(upsertPaymentAccountBatch, {
      items: [
        {
          externalRef: "pa-3",
          customerRef: `erased:${people[1].id}`,
          type: "wechat_pay",
          identifier: "wxid_abc",
        },
      ],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { index: 0, field: "customerRef", code: "erased", message: expect.any(String) },
    ]);
    const gone = await post(upsertPaymentAccountBatch, {
      items: [
        { externalRef: "pa-3", customerRef: "u-2", type: "wechat_pay", identifier: "wxid_abc" },
      ],
    });
    expect(gone.body.errors[0]).toMatchObject({ field: "customerRef", code: "unknown_reference" });
    expect(await rowCount(orgId, paymentAccounts)).toBe(2);
  });

  it("needs orders:write for business data and customers:write for payment accounts", async () => {
    const { orgId, ownerId } = await createOrg();
    const readOnly = await newKey(orgId, ownerId, ["customers:read", "customers:write"]);
    expect(
      (
        await call(upsertMerchantBatch, "/merchants/batch", {
          token: readOnly.token,
          body: { items: [{ externalRef: "m", name: "x" }] },
        })
      ).status,
    ).toBe(403);
    const ordersOnly = await newKey(orgId, ownerId, ["orders:write"]);
    expect(
      (
        await call(upsertPaymentAccountBatch, "/payment-accounts/batch", {
          token: ordersOnly.token,
          body: { items: [] },
        })
      ).status,
    ).toBe(403);
    expect(await rowCount(orgId, merchants)).toBe(0);
  });
});
