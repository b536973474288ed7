import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, changeTx, tenantKey, timestamps } from "./columns";
import { customers } from "./customers";
import { organizations } from "./organizations";

// The group-buying transfer platform's business data around its customers. Money is in fen
// (integer cents of CNY). Rows pushed by the platform carry its own id as external_ref.

export const voucherStatuses = [
  "active",
  "listed",
  "transferred",
  "redeemed",
  "expired",
  "refunded",
] as const;
export type VoucherStatus = (typeof voucherStatuses)[number];
export const listingStatuses = ["open", "sold", "withdrawn", "expired"] as const;
export type ListingStatus = (typeof listingStatuses)[number];
export const orderStatuses = [
  "pending_payment",
  "paid",
  "redeemed",
  "cancelled",
  "refunded",
] as const;
export type OrderStatus = (typeof orderStatuses)[number];
export const paymentAccountTypes = ["bank_card", "alipay", "wechat_pay"] as const;
export type PaymentAccountType = (typeof paymentAccountTypes)[number];

const inList = (column: unknown, values: readonly string[]) =>
  sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(", "))})`;

/** Shops that issue group-buy deals (businesses, not data subjects). */
export const merchants = pgTable(
  "merchants",
  {
    ...tenantKey,
    externalRef: text("external_ref").notNull(),
    name: text("name").notNull(),
    category: text("category"),
    city: text("city"),
    ...timestamps,
    changeTx: changeTx(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    uniqueIndex("merchants_external_ref_key").on(t.orgId, t.externalRef),
  ],
);

/**
 * A purchased group-buy voucher. The redemption code is a bearer secret of the organisation, so it
 * is sealed under the organisation key (kind "org"), whose version is kept beside it for rotation.
 */
export const vouchers = pgTable(
  "vouchers",
  {
    ...tenantKey,
    externalRef: text("external_ref").notNull(),
    merchantId: uuid("merchant_id").notNull(),
    ownerId: uuid("owner_id").notNull(),
    title: text("title").notNull(),
    faceValueCents: integer("face_value_cents").notNull(),
    pricePaidCents: integer("price_paid_cents").notNull(),
    purchasedAt: timestamp("purchased_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    redemptionCodeEnc: bytea("redemption_code_enc"),
    redemptionCodeKeyVersion: integer("redemption_code_key_version"),
    status: text("status").$type<VoucherStatus>().notNull().default("active"),
    ...timestamps,
    changeTx: changeTx(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    foreignKey({
      columns: [t.orgId, t.merchantId],
      foreignColumns: [merchants.orgId, merchants.id],
    }),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [customers.orgId, customers.id] }),
    uniqueIndex("vouchers_external_ref_key").on(t.orgId, t.externalRef),
    index("vouchers_owner_idx").on(t.orgId, t.ownerId, t.purchasedAt),
    index("vouchers_code_key_version_idx").on(t.orgId, t.redemptionCodeKeyVersion),
    check("vouchers_status", inList(t.status, voucherStatuses)),
    check("vouchers_amounts", sql`${t.faceValueCents} >= 0 and ${t.pricePaidCents} >= 0`),
    check(
      "vouchers_code_versioned",
      sql`(${t.redemptionCodeEnc} is null) = (${t.redemptionCodeKeyVersion} is null)`,
    ),
  ],
);

/** A seller offering a voucher on the transfer market. */
export const transferListings = pgTable(
  "transfer_listings",
  {
    ...tenantKey,
    externalRef: text("external_ref").notNull(),
    voucherId: uuid("voucher_id").notNull(),
    sellerId: uuid("seller_id").notNull(),
    askingPriceCents: integer("asking_price_cents").notNull(),
    status: text("status").$type<ListingStatus>().notNull().default("open"),
    ...timestamps,
    changeTx: changeTx(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    foreignKey({ columns: [t.orgId, t.voucherId], foreignColumns: [vouchers.orgId, vouchers.id] }),
    foreignKey({ columns: [t.orgId, t.sellerId], foreignColumns: [customers.orgId, customers.id] }),
    uniqueIndex("transfer_listings_external_ref_key").on(t.orgId, t.externalRef),
    index("transfer_listings_seller_idx").on(t.orgId, t.sellerId, t.createdAt),
    check("transfer_listings_status", inList(t.status, listingStatuses)),
    check("transfer_listings_price", sql`${t.askingPriceCents} >= 0`),
  ],
);

/**
 * A purchase of a listed voucher. Orders are transaction records the platform must keep (PRC
 * E-Commerce Law Art. 31: three years), so erasing a customer leaves the order with its amounts
 * and dates, pointing at the erased (pseudonymous) customer row.
 */
export const transferOrders = pgTable(
  "transfer_orders",
  {
    ...tenantKey,
    externalRef: text("external_ref").notNull(),
    listingId: uuid("listing_id"),
    voucherId: uuid("voucher_id").notNull(),
    buyerId: uuid("buyer_id").notNull(),
    sellerId: uuid("seller_id").notNull(),
    priceCents: integer("price_cents").notNull(),
    status: text("status").$type<OrderStatus>().notNull().default("pending_payment"),
    // Text keeps PostgreSQL's microseconds for keyset cursors (as customers.created_at).
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" })
      .notNull()
      .defaultNow(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    redeemedAt: timestamp("redeemed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    changeTx: changeTx(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    foreignKey({
      columns: [t.orgId, t.listingId],
      foreignColumns: [transferListings.orgId, transferListings.id],
    }),
    foreignKey({ columns: [t.orgId, t.voucherId], foreignColumns: [vouchers.orgId, vouchers.id] }),
    foreignKey({ columns: [t.orgId, t.buyerId], foreignColumns: [customers.orgId, customers.id] }),
    foreignKey({ columns: [t.orgId, t.sellerId], foreignColumns: [customers.orgId, customers.id] }),
    uniqueIndex("transfer_orders_external_ref_key").on(t.orgId, t.externalRef),
    index("transfer_orders_buyer_idx").on(t.orgId, t.buyerId, t.createdAt),
    index("transfer_orders_seller_idx").on(t.orgId, t.sellerId, t.createdAt),
    check("transfer_orders_status", inList(t.status, orderStatuses)),
    check("transfer_orders_price", sql`${t.priceCents} >= 0`),
  ],
);

/**
 * Financial accounts are sensitive personal information (PIPL Art. 28): the full identifier is
 * sealed under the customer's data key; lists show the masked form only.
 */
export const paymentAccounts = pgTable(
  "payment_accounts",
  {
    ...tenantKey,
    customerId: uuid("customer_id").notNull(),
    externalRef: text("external_ref").notNull(),
    type: text("type").$type<PaymentAccountType>().notNull(),
    identifierMasked: text("identifier_masked").notNull(),
    identifierEnc: bytea("identifier_enc").notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
    uniqueIndex("payment_accounts_external_ref_key").on(t.orgId, t.externalRef),
    index("payment_accounts_customer_idx").on(t.orgId, t.customerId),
    check("payment_accounts_type", inList(t.type, paymentAccountTypes)),
  ],
);
