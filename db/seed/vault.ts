import { randomUUID } from "node:crypto";
import type { Tx } from "@/db/client";
import {
  merchants,
  paymentAccounts,
  transferListings,
  transferOrders,
  vouchers,
} from "@/db/schema";
import type { OrderStatus, PaymentAccountType, VoucherStatus } from "@/db/schema/vault";
import type { AuditActor } from "@/lib/core/audit/record";
import { dataKeysFor } from "@/lib/core/crypto/data-keys";
import { ensureOrgKey } from "@/lib/core/crypto/org-keys";
import { tenantContext } from "@/lib/core/tenancy/context";
import { auditEachUpsert, upsertCounts, upsertCustomers } from "@/lib/customers/commands";
import { customerInput } from "@/lib/customers/schemas";
import {
  maskPaymentIdentifier,
  sealPaymentIdentifier,
  sealRedemptionCodeWith,
} from "@/lib/vault/sealing";
import { generatedActivity, merchantSpecs, type VoucherSpec } from "./deals";
import { generatedCustomer, generatedRef } from "./people";

type Size = "full" | "few";
const DAY = 86_400_000;

/** Fifteen years and five months before today: 15 for the next seven months. */
function fifteenToday(): string {
  const day = new Date();
  day.setUTCMonth(day.getUTCMonth() - (15 * 12 + 5));
  return day.toISOString().slice(0, 10);
}

/** Named customers other tests and the demo script rely on (see the demo data contract). */
const named = {
  full: [
    {
      externalRef: "u-10001",
      displayName: "张伟",
      phone: "+8613800138000",
      email: "zhang.wei@example.com",
      nationalId: "11010519491231002X",
      address: "北京市朝阳区建国路88号",
      birthDate: "1949-12-31",
      laws: ["PIPL"],
      region: "CN-BJ",
      realNameVerified: true,
    },
    {
      externalRef: "u-10002",
      displayName: "李娜",
      phone: "+8613912345678",
      laws: ["PIPL"],
      region: "CN-SH",
      realNameVerified: true,
      address: "上海市徐汇区衡山路12号",
    },
    // Under 14 (PIPL Art. 31): the preference centre asks for a guardian's consent.
    {
      externalRef: "u-10003",
      displayName: "王小雨",
      phone: "+8613900001403",
      birthDate: "2014-05-20",
      laws: ["PIPL"],
      region: "CN-BJ",
    },
    {
      externalRef: "u-20001",
      displayName: "Emma Schmidt",
      email: "emma.schmidt@example.de",
      phone: "+4915112345678",
      laws: ["GDPR"],
      region: "DE",
    },
    {
      externalRef: "u-30001",
      displayName: "Olivia Johnson",
      email: "olivia.johnson@example.com",
      laws: ["CCPA"],
      region: "US-CA",
    },
    // Fifteen on the day the demo is seeded: a parent consents under GDPR (Art. 8, below 16), and
    // a Californian of 13 to 15 is sold to or shared with only after their own opt-in (§1798.120(c)).
    {
      externalRef: "u-20002",
      displayName: "Lena Fischer",
      email: "lena.fischer@example.de",
      birthDate: fifteenToday(),
      laws: ["GDPR"],
      region: "DE",
    },
    {
      externalRef: "u-30002",
      displayName: "Mia Garcia",
      email: "mia.garcia@example.com",
      birthDate: fifteenToday(),
      laws: ["CCPA"],
      region: "US-CA",
    },
  ],
  few: [
    {
      externalRef: "h-10001",
      displayName: "陈志明",
      phone: "+8613600136000",
      email: "chen.zhiming@example.com",
      laws: ["PIPL"],
      region: "CN-GD",
      realNameVerified: true,
    },
    {
      externalRef: "h-10002",
      displayName: "Siobhan Murphy",
      email: "siobhan.murphy@example.ie",
      laws: ["GDPR"],
      region: "IE",
    },
  ],
} as const;

/** Generated customers per organisation, by customer number (disjoint, so no two orgs share one). */
const generatedRange = { full: [1, 300], few: [900_001, 900_030] } as const;

interface Ids {
  merchants: string[];
  customer: (ref: string) => string;
}

/** Rows for one voucher and, when it came by transfer, its sold listing and order. */
function voucherRows(
  orgId: string,
  ids: Ids,
  sealCode: (voucherId: string, code: string) => object,
  ownerRef: string,
  spec: VoucherSpec,
  sellerRef?: string,
) {
  const voucherId = randomUUID();
  const ownerId = ids.customer(ownerRef);
  const voucher = {
    orgId,
    id: voucherId,
    externalRef: spec.externalRef,
    merchantId: ids.merchants[spec.merchant],
    ownerId,
    title: spec.title,
    faceValueCents: spec.faceValueCents,
    pricePaidCents: spec.pricePaidCents,
    purchasedAt: spec.purchasedAt,
    expiresAt: spec.expiresAt,
    status: spec.status,
    ...sealCode(voucherId, spec.redemptionCode),
  };
  const listings: (typeof transferListings.$inferInsert)[] = [];
  const orders: (typeof transferOrders.$inferInsert)[] = [];
  if (spec.askingPriceCents !== undefined) {
    listings.push({
      orgId,
      externalRef: `l-${spec.externalRef}`,
      voucherId,
      sellerId: ownerId,
      askingPriceCents: spec.askingPriceCents,
      status: "open",
    });
  }
  if (spec.order && sellerRef) {
    const sellerId = ids.customer(sellerRef);
    const listingId = randomUUID();
    const { status, priceCents, createdAt, paidAt, redeemedAt } = spec.order;
    listings.push({
      orgId,
      id: listingId,
      externalRef: `l-${spec.externalRef}`,
      voucherId,
      sellerId,
      askingPriceCents: priceCents,
      status: "sold",
      createdAt,
      updatedAt: createdAt,
    });
    orders.push({
      orgId,
      externalRef: `o-${spec.externalRef}`,
      listingId,
      voucherId,
      buyerId: ownerId,
      sellerId,
      priceCents,
      status,
      createdAt: createdAt.toISOString(),
      paidAt,
      redeemedAt,
    });
  }
  return { voucher, listings, orders };
}

/** u-10001's vouchers: three held (two bought from u-10002), one sold to u-10002. */
function storyVouchers(now: number) {
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  const voucher = (
    externalRef: string,
    merchant: number,
    deal: number,
    status: VoucherStatus,
    purchased: number,
    code: string,
  ): VoucherSpec => {
    const { title, faceValueCents, priceCents } = merchantSpecs[merchant].deals[deal];
    return {
      externalRef,
      merchant,
      title,
      faceValueCents,
      pricePaidCents: priceCents,
      purchasedAt: at(purchased),
      expiresAt: at(purchased - 180),
      status,
      redemptionCode: code,
    };
  };
  const order = (status: OrderStatus, daysAgo: number, priceCents: number, redeemed?: number) => ({
    sellerN: 0,
    status,
    priceCents,
    createdAt: at(daysAgo),
    paidAt: at(daysAgo - 0.01),
    redeemedAt: redeemed === undefined ? null : at(redeemed),
  });
  return [
    {
      owner: "u-10001",
      seller: "u-10002",
      spec: {
        ...voucher("v-demo-1", 0, 0, "transferred", 40, "830216457901"),
        order: order("paid", 12, 42_000),
      },
    },
    {
      owner: "u-10001",
      seller: "u-10002",
      spec: {
        ...voucher("v-demo-2", 13, 0, "redeemed", 60, "517730982264"),
        order: order("redeemed", 30, 6_000, 25),
      },
    },
    {
      owner: "u-10001",
      spec: { ...voucher("v-demo-3", 7, 0, "listed", 5, "402281937715"), askingPriceCents: 3_800 },
    },
    {
      owner: "u-10002",
      seller: "u-10001",
      spec: {
        ...voucher("v-demo-4", 16, 0, "transferred", 50, "669104528830"),
        order: order("paid", 8, 15_800),
      },
    },
    { owner: "u-10002", spec: voucher("v-demo-5", 1, 1, "active", 20, "745512093318") },
    { owner: "u-20001", spec: voucher("v-demo-6", 12, 0, "active", 15, "318840276651") },
  ];
}

const storyAccounts: Record<
  Size,
  { owner: string; externalRef: string; type: PaymentAccountType; identifier: string }[]
> = {
  full: [
    { owner: "u-10001", externalRef: "pa-u-10001", type: "alipay", identifier: "+8613800138000" },
    {
      owner: "u-10002",
      externalRef: "pa-u-10002",
      type: "wechat_pay",
      identifier: "wxid_7m2k9q4t8p",
    },
    {
      owner: "u-20001",
      externalRef: "pa-u-20001",
      type: "bank_card",
      identifier: "DE89370400440532013000",
    },
  ],
  few: [
    {
      owner: "h-10001",
      externalRef: "pa-h-10001",
      type: "bank_card",
      identifier: "6222021234567891234",
    },
  ],
};

/**
 * The customer data vault of a demo organisation: named customers (audited one by one through
 * the real upsert), generated customers (one batch, one audit event), merchants, vouchers with
 * sealed redemption codes, transfer listings and orders, and payment accounts.
 */
export async function seedVault(
  tx: Tx,
  orgId: string,
  size: Size,
  actor: AuditActor,
): Promise<void> {
  const ctx = tenantContext(tx, orgId, actor);
  const { audit } = ctx;
  const now = Date.now();

  const people = await upsertCustomers(
    tx,
    orgId,
    named[size].map((c) => customerInput.parse(c)),
  );
  await auditEachUpsert(ctx, people);
  const [first, last] = generatedRange[size];
  const generated = Array.from({ length: last - first + 1 }, (_, i) =>
    generatedCustomer(first + i, now),
  );
  const batch = await upsertCustomers(
    tx,
    orgId,
    generated.map((c) => customerInput.parse(c)),
  );
  await audit({
    action: "customer.batch_upserted",
    targetType: "customer",
    details: upsertCounts(batch),
  });
  const customerIds = new Map([...people, ...batch].map((r) => [r.externalRef, r.id]));

  const merchantRows = (size === "full" ? merchantSpecs : merchantSpecs.slice(0, 5)).map(
    ({ externalRef, name, category, city }) => ({ orgId, externalRef, name, category, city }),
  );
  const merchantIds = (
    await tx.insert(merchants).values(merchantRows).returning({ id: merchants.id })
  ).map((m) => m.id);
  const ids: Ids = { merchants: merchantIds, customer: (ref) => customerIds.get(ref)! };

  const orgKey = await ensureOrgKey(tx, orgId);
  const sealCode = (voucherId: string, code: string) =>
    sealRedemptionCodeWith(orgKey, orgId, voucherId, code);
  const rows =
    size === "full"
      ? storyVouchers(now).map(({ owner, seller, spec }) =>
          voucherRows(orgId, ids, sealCode, owner, spec, seller),
        )
      : [];
  const accounts = [...storyAccounts[size]];
  for (const person of generated) {
    const n = Number(person.externalRef.slice(2));
    const activity = generatedActivity(n, person.phone, now);
    for (const spec of activity.vouchers) {
      // Sellers are earlier customers; in the small set they may fall outside it, then the first named one sold.
      const seller =
        spec.order &&
        (spec.order.sellerN >= first
          ? generatedRef(spec.order.sellerN)
          : named[size][0].externalRef);
      if (spec.merchant < merchantIds.length)
        rows.push(voucherRows(orgId, ids, sealCode, person.externalRef, spec, seller));
    }
    if (activity.paymentAccount)
      accounts.push({ owner: person.externalRef, ...activity.paymentAccount });
  }

  const voucherValues = rows.map((r) => r.voucher);
  const listingValues = rows.flatMap((r) => r.listings);
  const orderValues = rows.flatMap((r) => r.orders);
  for (let i = 0; i < voucherValues.length; i += 1000)
    await tx.insert(vouchers).values(voucherValues.slice(i, i + 1000));
  for (let i = 0; i < listingValues.length; i += 1000)
    await tx.insert(transferListings).values(listingValues.slice(i, i + 1000));
  for (let i = 0; i < orderValues.length; i += 1000)
    await tx.insert(transferOrders).values(orderValues.slice(i, i + 1000));

  const keys = await dataKeysFor(
    tx,
    orgId,
    accounts.map((a) => ids.customer(a.owner)),
  );
  const accountValues = accounts.map(({ owner, externalRef, type, identifier }) => {
    const id = randomUUID();
    const customerId = ids.customer(owner);
    return {
      orgId,
      id,
      customerId,
      externalRef,
      type,
      identifierMasked: maskPaymentIdentifier(type, identifier),
      identifierEnc: sealPaymentIdentifier(keys.get(customerId)!, orgId, id, identifier),
    };
  });
  if (accountValues.length > 0) await tx.insert(paymentAccounts).values(accountValues);

  await audit({
    action: "vault.batch_upserted",
    targetType: "vault",
    details: {
      merchants: merchantIds.length,
      vouchers: voucherValues.length,
      listings: listingValues.length,
      orders: orderValues.length,
      paymentAccounts: accountValues.length,
    },
  });
}
