import "server-only";
import { aliasedTable, and, desc, eq, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  customers,
  merchants,
  paymentAccounts,
  transferListings,
  transferOrders,
  vouchers,
} from "@/db/schema";

// The customer page shows the newest of each; a customer with more is an outlier, not a list to page.
export const RECORDS_LIMIT = 50;

/** The vouchers a customer owns now, newest purchase first, with the issuing merchant's name. */
export function customerVouchers(tx: Tx, orgId: string, customerId: string) {
  return tx
    .select({
      id: vouchers.id,
      title: vouchers.title,
      merchant: merchants.name,
      faceValueCents: vouchers.faceValueCents,
      pricePaidCents: vouchers.pricePaidCents,
      status: vouchers.status,
      purchasedAt: vouchers.purchasedAt,
      expiresAt: vouchers.expiresAt,
    })
    .from(vouchers)
    .innerJoin(
      merchants,
      and(eq(merchants.orgId, vouchers.orgId), eq(merchants.id, vouchers.merchantId)),
    )
    .where(and(eq(vouchers.orgId, orgId), eq(vouchers.ownerId, customerId)))
    .orderBy(desc(vouchers.purchasedAt))
    .limit(RECORDS_LIMIT);
}

const counterpart = aliasedTable(customers, "counterpart");

/**
 * Transfer orders where the customer bought or sold, newest first. The other party appears only
 * by their stored masked phone: a seller never sees a buyer's full number, and neither does this page.
 */
export async function customerOrders(tx: Tx, orgId: string, customerId: string) {
  const rows = await tx
    .select({
      id: transferOrders.id,
      buyerId: transferOrders.buyerId,
      title: vouchers.title,
      priceCents: transferOrders.priceCents,
      status: transferOrders.status,
      createdAt: transferOrders.createdAt,
      paidAt: transferOrders.paidAt,
      counterpartPhone: counterpart.phoneMasked,
      counterpartStatus: counterpart.status,
    })
    .from(transferOrders)
    .innerJoin(
      vouchers,
      and(eq(vouchers.orgId, transferOrders.orgId), eq(vouchers.id, transferOrders.voucherId)),
    )
    .innerJoin(
      counterpart,
      and(
        eq(counterpart.orgId, transferOrders.orgId),
        or(
          and(eq(transferOrders.buyerId, customerId), eq(counterpart.id, transferOrders.sellerId)),
          and(eq(transferOrders.sellerId, customerId), eq(counterpart.id, transferOrders.buyerId)),
        ),
      ),
    )
    .where(
      and(
        eq(transferOrders.orgId, orgId),
        or(eq(transferOrders.buyerId, customerId), eq(transferOrders.sellerId, customerId)),
      ),
    )
    .orderBy(desc(transferOrders.createdAt), desc(transferOrders.id))
    .limit(RECORDS_LIMIT);
  return rows.map(({ buyerId, ...row }) => ({
    ...row,
    role: buyerId === customerId ? ("buyer" as const) : ("seller" as const),
  }));
}

/** The customer's transfer listings (as seller), newest first. */
export function customerListings(tx: Tx, orgId: string, customerId: string) {
  return tx
    .select({
      id: transferListings.id,
      title: vouchers.title,
      askingPriceCents: transferListings.askingPriceCents,
      status: transferListings.status,
      createdAt: transferListings.createdAt,
    })
    .from(transferListings)
    .innerJoin(
      vouchers,
      and(eq(vouchers.orgId, transferListings.orgId), eq(vouchers.id, transferListings.voucherId)),
    )
    .where(and(eq(transferListings.orgId, orgId), eq(transferListings.sellerId, customerId)))
    .orderBy(desc(transferListings.createdAt))
    .limit(RECORDS_LIMIT);
}

/** The customer's payment accounts: type and masked identifier only (the full one needs a reveal). */
export function customerPaymentAccounts(tx: Tx, orgId: string, customerId: string) {
  return tx
    .select({
      id: paymentAccounts.id,
      type: paymentAccounts.type,
      identifierMasked: paymentAccounts.identifierMasked,
      createdAt: paymentAccounts.createdAt,
    })
    .from(paymentAccounts)
    .where(and(eq(paymentAccounts.orgId, orgId), eq(paymentAccounts.customerId, customerId)))
    .orderBy(paymentAccounts.createdAt)
    .limit(RECORDS_LIMIT);
}
