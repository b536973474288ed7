/** Builders of vault rows around customers, for the customer tests (the app writes them via the API). */
import { randomUUID } from "node:crypto";
import {
  merchants,
  paymentAccounts,
  transferListings,
  transferOrders,
  vouchers,
} from "@/db/schema";
import type { PaymentAccountType } from "@/db/schema/vault";
import { withTenant } from "@/db/tenant";
import { dataKeyFor } from "@/lib/core/crypto/data-keys";
import { maskPaymentIdentifier, sealPaymentIdentifier } from "@/lib/vault/sealing";

const ref = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** A payment account of the customer, its identifier sealed as the API seals it. */
export const addPaymentAccount = (
  orgId: string,
  customerId: string,
  type: PaymentAccountType,
  identifier: string,
) =>
  withTenant(orgId, async (tx) => {
    const id = randomUUID();
    const key = await dataKeyFor(tx, orgId, customerId);
    await tx.insert(paymentAccounts).values({
      orgId,
      id,
      customerId,
      externalRef: ref("pa"),
      type,
      identifierMasked: maskPaymentIdentifier(type, identifier),
      identifierEnc: sealPaymentIdentifier(key, orgId, id, identifier),
    });
    return id;
  });

/**
 * Two vouchers of `owner` from one merchant; one is listed and sold to `buyer` (an order where
 * owner sells), and `buyer` sells owner a third voucher (an order where owner buys).
 */
export const addTrades = (orgId: string, owner: string, buyer: string) =>
  withTenant(orgId, async (tx) => {
    const merchantId = randomUUID();
    await tx
      .insert(merchants)
      .values({ orgId, id: merchantId, externalRef: ref("m"), name: "海底捞（国贸店）" });
    const voucher = (
      ownerId: string,
      title: string,
      face: number,
      paid: number,
      purchasedAt: string,
    ) => ({
      orgId,
      id: randomUUID(),
      externalRef: ref("v"),
      merchantId,
      ownerId,
      title,
      faceValueCents: face,
      pricePaidCents: paid,
      purchasedAt: new Date(purchasedAt),
      expiresAt: new Date("2027-06-30T00:00:00Z"),
    });
    const kept = voucher(owner, "双人套餐", 29_800, 19_900, "2026-10-01T10:00:00Z");
    const sold = voucher(buyer, "四人套餐", 49_800, 35_000, "2026-09-01T10:00:00Z");
    const bought = voucher(owner, "代金券 100 元", 10_000, 8_500, "2026-11-01T10:00:00Z");
    await tx.insert(vouchers).values([kept, { ...sold, status: "transferred" as const }, bought]);
    const listingId = randomUUID();
    await tx.insert(transferListings).values({
      orgId,
      id: listingId,
      externalRef: ref("l"),
      voucherId: sold.id,
      sellerId: owner,
      askingPriceCents: 30_000,
      status: "sold",
    });
    await tx.insert(transferOrders).values([
      {
        orgId,
        id: randomUUID(),
        externalRef: ref("o"),
        listingId,
        voucherId: sold.id,
        buyerId: buyer,
        sellerId: owner,
        priceCents: 30_000,
        status: "paid",
      },
      {
        orgId,
        id: randomUUID(),
        externalRef: ref("o"),
        voucherId: bought.id,
        buyerId: owner,
        sellerId: buyer,
        priceCents: 8_000,
        status: "redeemed",
      },
    ]);
    return { kept, sold, bought };
  });
