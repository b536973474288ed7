/**
 * Builds one chunk of the bulk seed: customers n = start … start+count-1 with their data keys,
 * vouchers, listings, orders and payment accounts, encrypted exactly as the app does (the same
 * sealing functions), as binary COPY data. Runs in worker threads: keys come in as bytes.
 */
import { randomBytes, randomUUID } from "node:crypto";
import {
  customers,
  dataKeys,
  paymentAccounts,
  transferListings,
  transferOrders,
  vouchers,
} from "@/db/schema";
import { newDataKey } from "@/lib/core/crypto/data-keys";
import { FieldKey } from "@/lib/core/crypto/field-key";
import { personalFieldNames, sealedColumns } from "@/lib/customers/fields";
import type { CustomerInput } from "@/lib/customers/schemas";
import {
  maskPaymentIdentifier,
  sealPaymentIdentifier,
  sealRedemptionCodeWith,
} from "@/lib/vault/sealing";
import { generatedActivity } from "../deals";
import { generatedCustomer, generatedRef } from "../people";
import { BinaryRows } from "./copy-binary";

export interface ChunkContext {
  orgId: string;
  orgKey: { bytes: Uint8Array; version: number };
  indexKey: Uint8Array;
  merchantIds: string[];
  /** Row ids start with this (see rowId): unique per run, computable by any worker. */
  idPrefix: string;
  /** The first customer number of this run; earlier numbers are looked up in `earlierIds`. */
  firstN: number;
  earlierIds: Record<number, string>;
  /** created_at of customer n: epoch + n × step (ms), so newer numbers list first. */
  createdEpoch: number;
  createdStep: number;
}

/** One table's rows of a chunk, in binary COPY format. */
export interface CopyPart {
  table: string;
  columns: string[];
  data: Uint8Array;
  rows: number;
}

// Row ids: the run's prefix, then 12 hex digits of table tag (4 bits), number n (40) and slot (4).
// Ascending ids append to the primary key indexes instead of splitting pages all over them.
const tags = { customer: 0, voucher: 1, listing: 2, order: 3, account: 4 } as const;
const rowId = (prefix: string, tag: keyof typeof tags, n: number, slot = 0) =>
  `${prefix}${(tags[tag] * 2 ** 44 + n * 16 + slot).toString(16).padStart(12, "0")}`;

export const customerId = (prefix: string, n: number) => rowId(prefix, "customer", n);

/** A random uuid-shaped prefix (version 4, RFC variant) leaving the last 12 hex digits for n. */
export const newIdPrefix = () => `${randomUUID().slice(0, 24)}`;

export function buildChunk(ctx: ChunkContext, start: number, count: number): CopyPart[] {
  const orgKey = new FieldKey(
    { orgId: ctx.orgId, kind: "org", id: ctx.orgId, version: ctx.orgKey.version },
    Buffer.from(ctx.orgKey.bytes),
  );
  const indexKey = Buffer.from(ctx.indexKey);
  const { orgId } = ctx;
  const idOf = (n: number) => (n >= ctx.firstN ? customerId(ctx.idPrefix, n) : ctx.earlierIds[n]);

  const keyRows = new BinaryRows(dataKeys, ["orgId", "subjectId", "orgKeyVersion", "wrappedKey"]);
  const customerRows = new BinaryRows(customers, [
    "orgId",
    "id",
    "externalRef",
    "realNameVerified",
    "region",
    "laws",
    "status",
    "createdAt",
    "lastActiveAt",
    "displayNameEnc",
    "phoneEnc",
    "emailEnc",
    "nationalIdEnc",
    "addressEnc",
    "birthDateEnc",
    "phoneBidx",
    "emailBidx",
    "nationalIdBidx",
    "nameMasked",
    "phoneMasked",
    "emailMasked",
    "nationalIdMasked",
    "addressMasked",
    "birthDateMasked",
  ]);
  const voucherRows = new BinaryRows(vouchers, [
    "orgId",
    "id",
    "externalRef",
    "merchantId",
    "ownerId",
    "title",
    "faceValueCents",
    "pricePaidCents",
    "purchasedAt",
    "expiresAt",
    "redemptionCodeEnc",
    "redemptionCodeKeyVersion",
    "status",
    "createdAt",
  ]);
  const listingRows = new BinaryRows(transferListings, [
    "orgId",
    "id",
    "externalRef",
    "voucherId",
    "sellerId",
    "askingPriceCents",
    "status",
    "createdAt",
  ]);
  const orderRows = new BinaryRows(transferOrders, [
    "orgId",
    "id",
    "externalRef",
    "listingId",
    "voucherId",
    "buyerId",
    "sellerId",
    "priceCents",
    "status",
    "createdAt",
    "paidAt",
    "redeemedAt",
  ]);
  const accountRows = new BinaryRows(paymentAccounts, [
    "orgId",
    "id",
    "customerId",
    "externalRef",
    "type",
    "identifierMasked",
    "identifierEnc",
  ]);

  const keyBytes = randomBytes(32 * count);
  for (let n = start; n < start + count; n++) {
    const id = idOf(n);
    // Generated values are already in canonical form (people.test.ts checks they parse to themselves).
    const person: CustomerInput = generatedCustomer(n) as CustomerInput;
    const { key, row } = newDataKey(
      orgKey,
      id,
      keyBytes.subarray((n - start) * 32, (n - start + 1) * 32),
    );
    keyRows.add(row);
    const sealed: Record<string, unknown> = {};
    for (const field of personalFieldNames) {
      const value = person[field];
      if (value !== undefined)
        Object.assign(sealed, sealedColumns(key, indexKey, orgId, id, field, value));
    }
    const createdAt = new Date(ctx.createdEpoch + n * ctx.createdStep);
    customerRows.add({
      ...sealed,
      orgId,
      id,
      externalRef: generatedRef(n),
      realNameVerified: person.realNameVerified ?? false,
      region: person.region,
      laws: person.laws ?? [],
      status: person.status ?? "active",
      createdAt: createdAt.toISOString(),
      lastActiveAt: person.lastActiveAt,
    });

    const activity = generatedActivity(n, person.phone!);
    for (const [k, spec] of activity.vouchers.entries()) {
      const voucherId = rowId(ctx.idPrefix, "voucher", n, k);
      voucherRows.add({
        orgId,
        id: voucherId,
        externalRef: `${spec.externalRef}`,
        merchantId: ctx.merchantIds[spec.merchant % ctx.merchantIds.length],
        ownerId: id,
        title: spec.title,
        faceValueCents: spec.faceValueCents,
        pricePaidCents: spec.pricePaidCents,
        purchasedAt: spec.purchasedAt,
        expiresAt: spec.expiresAt,
        status: spec.status,
        createdAt: spec.purchasedAt,
        ...sealRedemptionCodeWith(orgKey, orgId, voucherId, spec.redemptionCode),
      });
      if (spec.askingPriceCents !== undefined) {
        listingRows.add({
          orgId,
          id: rowId(ctx.idPrefix, "listing", n, k),
          externalRef: `l-${spec.externalRef}`,
          voucherId,
          sellerId: id,
          askingPriceCents: spec.askingPriceCents,
          status: "open",
          createdAt: spec.purchasedAt,
        });
      }
      const sellerId = spec.order && idOf(spec.order.sellerN);
      if (spec.order && sellerId) {
        const listingId = rowId(ctx.idPrefix, "listing", n, k);
        const { status, priceCents, createdAt: orderedAt, paidAt, redeemedAt } = spec.order;
        listingRows.add({
          orgId,
          id: listingId,
          externalRef: `l-${spec.externalRef}`,
          voucherId,
          sellerId,
          askingPriceCents: priceCents,
          status: "sold",
          createdAt: orderedAt,
        });
        orderRows.add({
          orgId,
          id: rowId(ctx.idPrefix, "order", n, k),
          externalRef: `o-${spec.externalRef}`,
          listingId,
          voucherId,
          buyerId: id,
          sellerId,
          priceCents,
          status,
          createdAt: orderedAt.toISOString(),
          paidAt,
          redeemedAt,
        });
      }
    }
    if (activity.paymentAccount) {
      const { externalRef, type, identifier } = activity.paymentAccount;
      const accountId = rowId(ctx.idPrefix, "account", n);
      accountRows.add({
        orgId,
        id: accountId,
        customerId: id,
        externalRef,
        type,
        identifierMasked: maskPaymentIdentifier(type, identifier),
        identifierEnc: sealPaymentIdentifier(key, orgId, accountId, identifier),
      });
    }
  }
  // Foreign keys need this order: keys, customers, vouchers, listings, orders, accounts.
  return [keyRows, customerRows, voucherRows, listingRows, orderRows, accountRows].map((rows) =>
    rows.take(),
  );
}
