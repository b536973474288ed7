import "server-only";
import { and, eq, ne, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { customers } from "@/db/schema";
import { blindIndexKey } from "@/lib/core/crypto/blind-index";
import { existingDataKey } from "@/lib/core/crypto/data-keys";
import { KeyDestroyedError } from "@/lib/core/crypto/errors";
import { decryptField } from "@/lib/core/crypto/field";
import { normaliseEmail, normaliseNationalId, normalisePhone } from "@/lib/core/crypto/normalise";
import { AppError } from "@/lib/core/errors";
import { decodeCursor, encodeCursor } from "@/lib/core/pagination/cursor";
import { afterCursor, keysetOrder, pageOf } from "@/lib/core/pagination/keyset";
import { fieldContext, indexHex, personalFields, type PersonalField } from "@/lib/customers/fields";

/** What lists and search results show: masked forms only, never ciphertext or plaintext. */
const summaryColumns = {
  id: customers.id,
  externalRef: customers.externalRef,
  nameMasked: customers.nameMasked,
  phoneMasked: customers.phoneMasked,
  emailMasked: customers.emailMasked,
  nationalIdMasked: customers.nationalIdMasked,
  realNameVerified: customers.realNameVerified,
  region: customers.region,
  laws: customers.laws,
  status: customers.status,
  createdAt: customers.createdAt,
  lastActiveAt: customers.lastActiveAt,
};

export type CustomerSummary = { [K in keyof typeof summaryColumns]: (typeof customers.$inferSelect)[K] };

export type CustomerLookup = { phone: string } | { email: string } | { nationalId: string } | { externalRef: string };

/** The WHERE clause for a lookup; undefined when the value cannot match anything (malformed). */
async function lookupCondition(tx: Tx, orgId: string, by: CustomerLookup): Promise<SQL | undefined> {
  if ("externalRef" in by) return eq(customers.externalRef, by.externalRef.trim());
  const [kind, value, valid] =
    "phone" in by ? (["phone", by.phone, normalisePhone(by.phone)] as const)
    : "email" in by ? (["email", by.email, normaliseEmail(by.email)] as const)
    : (["national_id", by.nationalId, normaliseNationalId(by.nationalId)] as const);
  if (valid === null) return undefined;
  const { key } = await blindIndexKey(tx, orgId);
  const column = { phone: customers.phoneBidx, email: customers.emailBidx, national_id: customers.nationalIdBidx }[kind];
  return eq(column, indexHex(key, kind, value));
}

/**
 * Customers matching one identifier exactly, however it is written (blind index). Several can
 * match a phone or email (a shared family phone); an external ref matches at most one.
 */
export async function findCustomersBy(tx: Tx, orgId: string, by: CustomerLookup): Promise<CustomerSummary[]> {
  const condition = await lookupCondition(tx, orgId, by);
  if (!condition) return [];
  return tx.select(summaryColumns).from(customers)
    .where(and(eq(customers.orgId, orgId), ne(customers.status, "erased"), condition))
    .orderBy(customers.createdAt, customers.id).limit(50);
}

/**
 * Decrypts one personal field of one customer (null when it was never given). Fails closed with
 * KeyDestroyedError for an erased customer and DecryptionError for anything tampered or moved.
 * Callers add the permission check, the stated reason and the audit event.
 */
export async function revealField(tx: Tx, orgId: string, customerId: string, field: PersonalField): Promise<string | null> {
  const enc = personalFields[field].enc;
  const [row] = await tx.select({ status: customers.status, blob: customers[enc] }).from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
  if (!row) throw new AppError("notFound");
  if (row.status === "erased") throw new KeyDestroyedError();
  if (!row.blob) return null;
  // The customer's own key, not whichever key the blob's header names.
  const key = await existingDataKey(tx, orgId, customerId);
  return decryptField(key, row.blob, fieldContext(orgId, customerId, field));
}

/** Newest first, keyset on (created_at, id); masked columns only, so listing never decrypts. */
export async function listCustomers(tx: Tx, orgId: string, opts: { cursor?: string; limit: number }) {
  const cursor = decodeCursor(opts.cursor);
  const rows = await tx.select(summaryColumns).from(customers)
    .where(and(eq(customers.orgId, orgId), afterCursor(customers.createdAt, customers.id, "desc", cursor)))
    .orderBy(...keysetOrder(customers.createdAt, customers.id, "desc"))
    .limit(opts.limit + 1);
  const page = pageOf(rows, opts.limit, (row) => ({ v: row.createdAt, id: row.id }));
  return { rows: page.rows, next: page.next && encodeCursor(page.next) };
}
