import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  customers,
  merchants,
  paymentAccounts,
  transferListings,
  transferOrders,
  vouchers,
} from "@/db/schema";
import { currentTxId } from "@/db/schema/columns";
import { dataKeyFor } from "@/lib/core/crypto/data-keys";
import { maskPaymentIdentifier, sealPaymentIdentifier, sealRedemptionCode } from "./sealing";
import type {
  ListingInput,
  MerchantInput,
  OrderInput,
  PaymentAccountInput,
  VoucherInput,
} from "./schemas";

// Batch upserts of the platform's business data by external ref, in the caller's transaction.
// References to other rows are resolved first; if any is unknown the whole batch is refused
// before anything is written. The caller audits (one vault.batch_upserted event with counts).

export interface ReferenceProblem {
  index: number;
  field: string;
  code: "unknown_reference" | "erased";
  message: string;
}

/** Thrown before any write when items name rows that do not exist (or customers erased). */
export class UnknownReferenceError extends Error {
  constructor(readonly problems: ReferenceProblem[]) {
    super("unknown references");
    this.name = "UnknownReferenceError";
  }
}

export interface VaultUpsertResult {
  results: Array<{ externalRef: string; id: string; created: boolean }>;
  counts: { created: number; updated: number };
}

type RefTable =
  | typeof merchants
  | typeof vouchers
  | typeof transferListings
  | typeof transferOrders
  | typeof paymentAccounts;

async function idsByRef(
  tx: Tx,
  table: RefTable,
  orgId: string,
  refs: string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(refs)];
  if (unique.length === 0) return new Map();
  const t = table as typeof merchants;
  const rows = await tx
    .select({ id: t.id, ref: t.externalRef })
    .from(t)
    .where(and(eq(t.orgId, orgId), inArray(t.externalRef, unique)));
  return new Map(rows.map((r) => [r.ref, r.id]));
}

async function customersByRef(tx: Tx, orgId: string, refs: string[]) {
  const unique = [...new Set(refs)];
  if (unique.length === 0) return new Map<string, { id: string; erased: boolean }>();
  const rows = await tx
    .select({ id: customers.id, ref: customers.externalRef, status: customers.status })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), inArray(customers.externalRef, unique)));
  return new Map(rows.map((r) => [r.ref, { id: r.id, erased: r.status === "erased" }]));
}

/** Resolves one reference field across the batch, collecting a problem per unknown ref. */
class Resolver {
  readonly problems: ReferenceProblem[] = [];

  id(map: Map<string, string>, index: number, field: string, ref: string): string {
    const id = map.get(ref);
    if (!id)
      this.problems.push({
        index,
        field,
        code: "unknown_reference",
        message: `No record with externalRef "${ref}".`,
      });
    return id ?? "";
  }

  customer(
    map: Map<string, { id: string; erased: boolean }>,
    index: number,
    field: string,
    ref: string,
  ): string {
    const found = map.get(ref);
    if (!found)
      this.problems.push({
        index,
        field,
        code: "unknown_reference",
        message: `No customer with externalRef "${ref}".`,
      });
    else if (found.erased)
      this.problems.push({
        index,
        field,
        code: "erased",
        message: "This customer has been erased.",
      });
    return found?.id ?? "";
  }

  check(): void {
    if (this.problems.length > 0) throw new UnknownReferenceError(this.problems);
  }
}

/** Inserts the new rows in one statement per chunk and updates the existing ones one by one. */
async function write<T extends { id: string }>(
  tx: Tx,
  table: RefTable,
  orgId: string,
  rows: Array<{ created: boolean; values: T }>,
  versioned: boolean,
): Promise<void> {
  const t = table as typeof merchants;
  const inserts = rows.filter((r) => r.created).map((r) => ({ ...r.values, orgId }));
  for (let i = 0; i < inserts.length; i += 500)
    await tx.insert(t).values(inserts.slice(i, i + 500) as never);
  for (const { values } of rows.filter((r) => !r.created)) {
    const { id, ...changes } = values;
    await tx
      .update(t)
      .set({
        ...changes,
        updatedAt: new Date(),
        ...(versioned ? { changeTx: currentTxId } : {}),
      } as never)
      .where(and(eq(t.orgId, orgId), eq(t.id, id)));
  }
}

function summary<T extends { externalRef: string }>(
  items: T[],
  ids: Array<{ id: string; created: boolean }>,
): VaultUpsertResult {
  const results = items.map((item, i) => ({ externalRef: item.externalRef, ...ids[i] }));
  const created = results.filter((r) => r.created).length;
  return { results, counts: { created, updated: results.length - created } };
}

async function assignIds(
  tx: Tx,
  table: RefTable,
  orgId: string,
  items: Array<{ externalRef: string }>,
) {
  const existing = await idsByRef(
    tx,
    table,
    orgId,
    items.map((i) => i.externalRef),
  );
  return items.map((item) => {
    const id = existing.get(item.externalRef);
    return { id: id ?? randomUUID(), created: !id };
  });
}

const dateOf = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(value);
const defined = <T extends object>(values: T) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as T;

export async function upsertMerchants(
  tx: Tx,
  orgId: string,
  items: MerchantInput[],
): Promise<VaultUpsertResult> {
  const ids = await assignIds(tx, merchants, orgId, items);
  await write(
    tx,
    merchants,
    orgId,
    items.map((item, i) => ({
      created: ids[i].created,
      values: defined({
        id: ids[i].id,
        externalRef: item.externalRef,
        name: item.name,
        category: item.category,
        city: item.city,
      }),
    })),
    true,
  );
  return summary(items, ids);
}

export async function upsertVouchers(
  tx: Tx,
  orgId: string,
  items: VoucherInput[],
): Promise<VaultUpsertResult> {
  // One connection: the lookups run one after the other.
  const merchantIds = await idsByRef(
    tx,
    merchants,
    orgId,
    items.map((i) => i.merchantRef),
  );
  const owners = await customersByRef(
    tx,
    orgId,
    items.map((i) => i.ownerRef),
  );
  const resolve = new Resolver();
  const refs = items.map((item, i) => ({
    merchantId: resolve.id(merchantIds, i, "merchantRef", item.merchantRef),
    ownerId: resolve.customer(owners, i, "ownerRef", item.ownerRef),
  }));
  resolve.check();
  const ids = await assignIds(tx, vouchers, orgId, items);
  const rows = [];
  for (const [i, item] of items.entries()) {
    const { id, created } = ids[i];
    const sealed =
      item.redemptionCode === undefined
        ? {}
        : await sealRedemptionCode(tx, orgId, id, item.redemptionCode);
    rows.push({
      created,
      values: defined({
        id,
        externalRef: item.externalRef,
        ...refs[i],
        title: item.title,
        faceValueCents: item.faceValueCents,
        pricePaidCents: item.pricePaidCents,
        purchasedAt: new Date(item.purchasedAt),
        expiresAt: dateOf(item.expiresAt),
        status: item.status,
        ...sealed,
      }),
    });
  }
  await write(tx, vouchers, orgId, rows, true);
  return summary(items, ids);
}

export async function upsertListings(
  tx: Tx,
  orgId: string,
  items: ListingInput[],
): Promise<VaultUpsertResult> {
  const voucherIds = await idsByRef(
    tx,
    vouchers,
    orgId,
    items.map((i) => i.voucherRef),
  );
  const sellers = await customersByRef(
    tx,
    orgId,
    items.map((i) => i.sellerRef),
  );
  const resolve = new Resolver();
  const refs = items.map((item, i) => ({
    voucherId: resolve.id(voucherIds, i, "voucherRef", item.voucherRef),
    sellerId: resolve.customer(sellers, i, "sellerRef", item.sellerRef),
  }));
  resolve.check();
  const ids = await assignIds(tx, transferListings, orgId, items);
  await write(
    tx,
    transferListings,
    orgId,
    items.map((item, i) => ({
      created: ids[i].created,
      values: defined({
        id: ids[i].id,
        externalRef: item.externalRef,
        ...refs[i],
        askingPriceCents: item.askingPriceCents,
        status: item.status,
      }),
    })),
    true,
  );
  return summary(items, ids);
}

export async function upsertOrders(
  tx: Tx,
  orgId: string,
  items: OrderInput[],
): Promise<VaultUpsertResult> {
  const voucherIds = await idsByRef(
    tx,
    vouchers,
    orgId,
    items.map((i) => i.voucherRef),
  );
  const listingIds = await idsByRef(
    tx,
    transferListings,
    orgId,
    items.flatMap((i) => (i.listingRef ? [i.listingRef] : [])),
  );
  const people = await customersByRef(
    tx,
    orgId,
    items.flatMap((i) => [i.buyerRef, i.sellerRef]),
  );
  const resolve = new Resolver();
  const refs = items.map((item, i) => ({
    voucherId: resolve.id(voucherIds, i, "voucherRef", item.voucherRef),
    listingId:
      item.listingRef === undefined
        ? undefined
        : resolve.id(listingIds, i, "listingRef", item.listingRef),
    buyerId: resolve.customer(people, i, "buyerRef", item.buyerRef),
    sellerId: resolve.customer(people, i, "sellerRef", item.sellerRef),
  }));
  resolve.check();
  const ids = await assignIds(tx, transferOrders, orgId, items);
  await write(
    tx,
    transferOrders,
    orgId,
    items.map((item, i) => ({
      created: ids[i].created,
      values: defined({
        id: ids[i].id,
        externalRef: item.externalRef,
        ...refs[i],
        priceCents: item.priceCents,
        status: item.status,
        createdAt: item.createdAt && new Date(item.createdAt).toISOString(),
        paidAt: dateOf(item.paidAt),
        redeemedAt: dateOf(item.redeemedAt),
      }),
    })),
    true,
  );
  return summary(items, ids);
}

/**
 * Payment accounts: the full identifier is sealed under the holder's data key (so erasing the
 * customer shreds it) and stored masked for display; an erased customer gets no new account.
 */
export async function upsertPaymentAccounts(
  tx: Tx,
  orgId: string,
  items: PaymentAccountInput[],
): Promise<VaultUpsertResult> {
  const holders = await customersByRef(
    tx,
    orgId,
    items.map((i) => i.customerRef),
  );
  const resolve = new Resolver();
  const customerIds = items.map((item, i) =>
    resolve.customer(holders, i, "customerRef", item.customerRef),
  );
  resolve.check();
  const ids = await assignIds(tx, paymentAccounts, orgId, items);
  const rows = [];
  for (const [i, item] of items.entries()) {
    const { id, created } = ids[i];
    const key = await dataKeyFor(tx, orgId, customerIds[i]);
    rows.push({
      created,
      values: {
        id,
        externalRef: item.externalRef,
        customerId: customerIds[i],
        type: item.type,
        identifierMasked: maskPaymentIdentifier(item.type, item.identifier),
        identifierEnc: sealPaymentIdentifier(key, orgId, id, item.identifier),
      },
    });
  }
  await write(tx, paymentAccounts, orgId, rows, false);
  return summary(items, ids);
}
