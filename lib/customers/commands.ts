import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { customers } from "@/db/schema";
import { currentTxId } from "@/db/schema/columns";
import { blindIndexKey } from "@/lib/core/crypto/blind-index";
import { dataKeysFor, destroyDataKey, newDataKey } from "@/lib/core/crypto/data-keys";
import { ensureOrgKey } from "@/lib/core/crypto/org-keys";
import { decryptField } from "@/lib/core/crypto/field";
import type { FieldKey } from "@/lib/core/crypto/field-key";
import { AppError } from "@/lib/core/errors";
import { timeOrderedId } from "@/lib/core/ids";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { insertCustomers, updateCustomers } from "@/lib/customers/batch-sql";
import {
  fieldContext,
  personalFieldNames,
  personalFields,
  sealedColumns,
} from "@/lib/customers/fields";
import { minorBornOn } from "@/lib/customers/minor-age";
import type { CustomerInput } from "@/lib/customers/schemas";
import { eraseVaultRecordsOf } from "@/lib/vault/erasure";

type Row = typeof customers.$inferSelect;
type Changes = Partial<typeof customers.$inferInsert>;

const plainFields = ["realNameVerified", "region", "laws", "status", "lastActiveAt"] as const;

const same = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date
    ? new Date(a as Date).getTime() === new Date(b as Date).getTime()
    : JSON.stringify(a) === JSON.stringify(b);

/** What `input` changes on `row` (all given fields when there is no row yet), by field name. */
function changesOf(
  key: FieldKey,
  indexKey: Buffer,
  orgId: string,
  id: string,
  input: CustomerInput,
  row?: Row,
) {
  const changes: Changes = {};
  const fields: string[] = [];
  for (const field of personalFieldNames) {
    const value = input[field];
    if (value === undefined) continue;
    const stored = row?.[personalFields[field].enc] as Buffer | null | undefined;
    // Decrypting to compare keeps ciphertext (and its nonce) unchanged when the value is.
    if (stored && decryptField(key, stored, fieldContext(orgId, id, field)) === value) continue;
    Object.assign(changes, sealedColumns(key, indexKey, orgId, id, field, value));
    fields.push(field);
  }
  for (const field of plainFields) {
    const value = input[field];
    if (value === undefined || (row && same(row[field], value))) continue;
    Object.assign(changes, { [field]: value });
    fields.push(field);
  }
  const bornOn = minorBornOnChange(key, orgId, id, input, row);
  if (bornOn !== undefined) changes.minorBornOn = bornOn;
  return { changes, fields };
}

/**
 * `minor_born_on` when a birth date or an ID number arrives (PIPL Art. 31, GDPR Art. 8, CCPA
 * §1798.120(c)), from the given value and,
 * for the other source, the stored one; undefined when it stays as it is. A derived column, so it
 * is not among the changed fields: the birth date or ID number that moved it is.
 */
function minorBornOnChange(
  key: FieldKey,
  orgId: string,
  id: string,
  input: CustomerInput,
  row?: Row,
): string | null | undefined {
  if (input.birthDate === undefined && input.nationalId === undefined) return undefined;
  const stored = (field: "birthDate" | "nationalId") => {
    const sealed = row?.[personalFields[field].enc] as Buffer | null | undefined;
    return sealed ? decryptField(key, sealed, fieldContext(orgId, id, field)) : null;
  };
  const bornOn = minorBornOn({
    birthDate: input.birthDate ?? stored("birthDate"),
    nationalId: input.nationalId ?? stored("nationalId"),
  });
  if (row ? row.minorBornOn === bornOn : bornOn === null) return undefined;
  return bornOn;
}

export interface UpsertResult {
  id: string;
  externalRef: string;
  created: boolean;
  /** Names of the fields that changed (all given fields for a new customer). */
  fields: string[];
}

/**
 * Creates or updates customers by the platform's external ref, in the caller's transaction.
 * Personal fields are encrypted under each customer's own data key, indexed and masked; on update
 * only changed fields are re-encrypted. Fields not given are kept. The caller audits: one event
 * per customer from the console (auditEachUpsert), one event with counts for an API batch.
 * A batch costs a fixed number of statements whatever its size: lock existing rows, fetch their
 * data keys, one update per set of changed columns, and new customers with their new keys in
 * two inserts — PostgreSQL writes the first half while the second is encrypted here.
 */
export async function upsertCustomers(
  tx: Tx,
  orgId: string,
  inputs: CustomerInput[],
): Promise<UpsertResult[]> {
  const refs = inputs.map((i) => i.externalRef);
  if (new Set(refs).size !== refs.length)
    throw new AppError("invalid", { externalRef: "errors.duplicateExternalRef" });
  if (inputs.length === 0) return [];
  const { key: indexKey } = await blindIndexKey(tx, orgId);
  const existing = await tx
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.orgId, orgId),
        sql`${customers.externalRef} = any(${sql.param(refs)}::text[])`,
        ne(customers.status, "erased"),
      ),
    )
    .for("update");
  const byRef = new Map(existing.map((row) => [row.externalRef, row]));
  const keys = await dataKeysFor(
    tx,
    orgId,
    existing.map((row) => row.id),
  );

  const inputByRef = new Map(inputs.map((input) => [input.externalRef, input]));
  const results = new Map<string, UpsertResult>();
  const updates: { id: string; changes: Changes }[] = [];
  for (const row of existing) {
    const { changes, fields } = changesOf(
      keys.get(row.id)!,
      indexKey,
      orgId,
      row.id,
      inputByRef.get(row.externalRef)!,
      row,
    );
    // A row written before minor_born_on existed gains it when its birth date is pushed again.
    if (Object.keys(changes).length > 0) updates.push({ id: row.id, changes });
    results.set(row.externalRef, {
      id: row.id,
      externalRef: row.externalRef,
      created: false,
      fields,
    });
  }
  await updateCustomers(tx, orgId, updates);

  const fresh = inputs.filter((input) => !byRef.has(input.externalRef));
  if (fresh.length > 0) {
    const orgKey = await ensureOrgKey(tx, orgId);
    const half = Math.ceil(fresh.length / 2);
    let writing: Promise<void> | undefined;
    for (const part of [fresh.slice(0, half), fresh.slice(half)]) {
      if (part.length === 0) continue;
      const rows: (typeof customers.$inferInsert)[] = [];
      const newKeys = part.map((input) => {
        // A new customer's id is made here, so its data key is too, without looking for one.
        const { key, row } = newDataKey(orgKey, timeOrderedId());
        const { changes, fields } = changesOf(key, indexKey, orgId, key.id, input);
        rows.push({ ...changes, orgId, id: key.id, externalRef: input.externalRef });
        results.set(input.externalRef, {
          id: key.id,
          externalRef: input.externalRef,
          created: true,
          fields,
        });
        return row;
      });
      // The next half is encrypted (above) while this one is written; one statement at a time
      // on the transaction's client, so the next is sent once this one is done.
      await writing;
      writing = insertCustomers(tx, rows, newKeys);
    }
    await writing;
  }
  return inputs.map((input) => results.get(input.externalRef)!);
}

/** One audit event per created or changed customer, naming the changed fields (never values). */
export async function auditEachUpsert(
  { audit }: TenantContext,
  results: UpsertResult[],
): Promise<void> {
  for (const { id, created, fields } of results) {
    if (!created && fields.length === 0) continue;
    await audit({
      action: created ? "customer.created" : "customer.updated",
      targetType: "customer",
      targetId: id,
      details: { fields },
    });
  }
}

/** How many of a batch were created, updated and left unchanged (for one batch audit event). */
export function upsertCounts(results: UpsertResult[]) {
  const created = results.filter((r) => r.created).length;
  const updated = results.filter((r) => !r.created && r.fields.length > 0).length;
  return { created, updated, unchanged: results.length - created - updated };
}

const cleared = Object.fromEntries(
  personalFieldNames.flatMap((field) => {
    const spec: { enc: string; masked: string; index?: { bidx: string } } = personalFields[field];
    return [spec.enc, spec.masked, ...(spec.index ? [spec.index.bidx] : [])].map((column) => [
      column,
      null,
    ]);
  }),
) as Changes;

/**
 * Erases a customer: destroys their data key (crypto-shredding every copy of their ciphertext,
 * backups included), clears indexes, masks and quasi-identifiers, and replaces the external ref
 * with a pseudonym so the platform's user id no longer links to this row. The row itself stays
 * (status 'erased') so audit events, statistics and the orders the platform must retain (with
 * their amounts and dates) still resolve to a pseudonymous subject. Returns false
 * when the customer was already erased.
 */
export async function eraseCustomer(
  { tx, orgId, audit }: TenantContext,
  customerId: string,
  /** Set when a restore brought back a customer the erasure ledger says was erased. */
  replay?: { replayedFromLedger: true },
): Promise<boolean> {
  const [row] = await tx
    .select({ status: customers.status })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)))
    .for("update");
  if (!row) throw new AppError("notFound");
  if (row.status === "erased") return false;
  const keyDestroyed = await destroyDataKey(tx, orgId, customerId);
  await tx
    .update(customers)
    .set({
      ...cleared,
      externalRef: `erased:${customerId}`,
      region: null,
      lastActiveAt: null,
      realNameVerified: false,
      // Derived from the birth date: a quasi-identifier like the rest.
      minorBornOn: null,
      saleOptOutAt: null,
      sensitiveLimitAt: null,
      status: "erased",
      updatedAt: new Date(),
      changeTx: currentTxId,
    })
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
  const paymentAccountsDeleted = await eraseVaultRecordsOf(tx, orgId, customerId);
  await audit({
    action: "customer.erased",
    targetType: "customer",
    targetId: customerId,
    details: { keyDestroyed, paymentAccountsDeleted, ...replay },
  });
  return true;
}
