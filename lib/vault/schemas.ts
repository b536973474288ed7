import { z } from "zod";
import {
  listingStatuses,
  orderStatuses,
  paymentAccountTypes,
  voucherStatuses,
} from "@/db/schema/vault";

// What the platform pushes about its business data. Rows are keyed by the platform's own id
// (externalRef); other rows are referenced by theirs (merchantRef, ownerRef…). Money is integer
// fen. On an update, optional fields not given are kept.

const text = (max: number) => z.string().trim().min(1).max(max);
const ref = (description: string) => text(200).meta({ description });
const fen = (description: string) =>
  z
    .int()
    .min(0)
    .max(2_000_000_000)
    .meta({ description: `${description}, in fen (integer cents of CNY)` });
const instant = (description: string) => z.iso.datetime({ offset: true }).meta({ description });

export const merchantInput = z
  .object({
    externalRef: ref("The platform's id of the merchant."),
    name: text(200),
    category: text(100).optional(),
    city: text(100).optional(),
  })
  .meta({ id: "MerchantInput" });

export const voucherInput = z
  .object({
    externalRef: ref("The platform's id of the voucher."),
    merchantRef: ref("externalRef of the issuing merchant."),
    ownerRef: ref("externalRef of the customer who owns the voucher now."),
    title: text(200),
    faceValueCents: fen("Face value"),
    pricePaidCents: fen("Price paid"),
    purchasedAt: instant("When the voucher was bought."),
    expiresAt: instant("When the voucher expires.").nullable().optional(),
    redemptionCode: text(200).optional().meta({
      description:
        "Secret code redeemed at the merchant; stored encrypted under the organisation key.",
    }),
    status: z
      .enum(voucherStatuses)
      .optional()
      .meta({ description: "Defaults to active for a new voucher." }),
  })
  .meta({ id: "VoucherInput" });

export const listingInput = z
  .object({
    externalRef: ref("The platform's id of the transfer listing."),
    voucherRef: ref("externalRef of the listed voucher."),
    sellerRef: ref("externalRef of the selling customer."),
    askingPriceCents: fen("Asking price"),
    status: z
      .enum(listingStatuses)
      .optional()
      .meta({ description: "Defaults to open for a new listing." }),
  })
  .meta({ id: "ListingInput" });

export const orderInput = z
  .object({
    externalRef: ref("The platform's id of the transfer order."),
    voucherRef: ref("externalRef of the voucher sold."),
    listingRef: ref("externalRef of the listing the order came from.").optional(),
    buyerRef: ref("externalRef of the buying customer."),
    sellerRef: ref("externalRef of the selling customer."),
    priceCents: fen("Price"),
    status: z
      .enum(orderStatuses)
      .optional()
      .meta({ description: "Defaults to pending_payment for a new order." }),
    createdAt: instant("When the order was placed; defaults to now.").optional(),
    paidAt: instant("When it was paid.").nullable().optional(),
    redeemedAt: instant("When the voucher was redeemed.").nullable().optional(),
  })
  .meta({ id: "OrderInput" });

export const paymentAccountInput = z
  .object({
    externalRef: ref("The platform's id of the payment account."),
    customerRef: ref("externalRef of the customer holding the account."),
    type: z.enum(paymentAccountTypes),
    identifier: text(64).meta({
      description:
        "Full card number or account id: stored encrypted under the customer's data key, shown masked.",
    }),
  })
  .meta({ id: "PaymentAccountInput" });

export type MerchantInput = z.infer<typeof merchantInput>;
export type VoucherInput = z.infer<typeof voucherInput>;
export type ListingInput = z.infer<typeof listingInput>;
export type OrderInput = z.infer<typeof orderInput>;
export type PaymentAccountInput = z.infer<typeof paymentAccountInput>;
