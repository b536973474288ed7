import "server-only";
import { sql } from "drizzle-orm";
import { byteaArray } from "@/db/bytea-array";
import type { Tx } from "@/db/client";
import { open, seal } from "@/lib/core/crypto/aead";
import { blindIndex, indexKeyOf, type BlindIndexKind } from "@/lib/core/crypto/blind-index";
import { dataKeyWrapAad } from "@/lib/core/crypto/data-keys";
import {
  decryptField,
  encryptField,
  readFieldHeader,
  type FieldContext,
} from "@/lib/core/crypto/field";
import { FieldKey } from "@/lib/core/crypto/field-key";
import { orgKeyVersion } from "@/lib/core/crypto/org-keys";

/** One batch's work: how many protected values moved, and the last row id looked at (keyset). */
export interface BatchResult {
  moved: number;
  last: string | null;
}

/** Reads each old org key version once per batch (a batch may span several). */
function keyVersions(tx: Tx, orgId: string) {
  const keys = new Map<number, Promise<FieldKey>>();
  return (version: number) =>
    keys.get(version) ?? keys.set(version, orgKeyVersion(tx, orgId, version)).get(version)!;
}

// node-postgres sends a JS array as one array parameter; drizzle would otherwise expand it into a list.
const array = (values: unknown[]) => sql.param(values);

const indexed: Array<{ kind: BlindIndexKind; enc: string; bidx: string; column: string }> = [
  { kind: "phone", enc: "phone_enc", bidx: "phone_bidx", column: "phone_enc" },
  { kind: "email", enc: "email_enc", bidx: "email_bidx", column: "email_enc" },
  {
    kind: "national_id",
    enc: "national_id_enc",
    bidx: "national_id_bidx",
    column: "national_id_enc",
  },
];

type CustomerRow = Record<string, Buffer | string | null> & { id: string };
type Index = Buffer | null;

/** A customer's blind indexes recomputed under `indexKey` from their current ciphertexts. */
function reindex(orgId: string, dataKey: FieldKey, indexKey: Buffer, row: CustomerRow): Index[] {
  return indexed.map(({ kind, enc, bidx, column }) => {
    const blob = row[enc] as Buffer | null;
    if (!blob || row[bidx] === null) return row[bidx] as Index;
    const where: FieldContext = { orgId, table: "customers", column, rowId: row.id };
    return blindIndex(indexKey, kind, decryptField(dataKey, blob, where));
  });
}

/**
 * Rewraps up to `limit` data keys still under a version older than `to` (ids after `after`), and
 * recomputes their customers' blind indexes under the new index key. Customers are locked before
 * their keys — the order erasure and upserts take them in — and both are re-read under the lock,
 * so a value written meanwhile (already under the new version) is never overwritten with an old
 * one, and a key moved or destroyed meanwhile is skipped: running a batch twice moves nothing twice.
 */
export async function moveDataKeys(
  tx: Tx,
  orgId: string,
  to: number,
  after: string,
  limit: number,
): Promise<BatchResult> {
  const { rows: candidates } = await tx.execute<{ subject_id: string }>(sql`
    select subject_id from data_keys
    where org_id = ${orgId} and org_key_version < ${to} and wrapped_key is not null and subject_id > ${after}
    order by subject_id limit ${limit}`);
  if (candidates.length === 0) return { moved: 0, last: null };
  const ids = candidates.map((c) => c.subject_id);
  const { rows: people } = await tx.execute<CustomerRow>(sql`
    select id, phone_enc, email_enc, national_id_enc, phone_bidx, email_bidx, national_id_bidx from customers
    where org_id = ${orgId} and id = any(${array(ids)}::uuid[]) order by id for update`);
  const { rows: keys } = await tx.execute<{
    subject_id: string;
    org_key_version: number;
    wrapped_key: Buffer;
  }>(sql`
    select subject_id, org_key_version, wrapped_key from data_keys
    where org_id = ${orgId} and subject_id = any(${array(ids)}::uuid[]) and org_key_version < ${to} and wrapped_key is not null
    order by subject_id for update`);

  const orgKey = keyVersions(tx, orgId);
  const newKey = await orgKey(to);
  const indexKey = indexKeyOf(newKey).key;
  const byId = new Map(people.map((p) => [p.id, p]));
  const rewrapped: { ids: string[]; keys: Buffer[] } = { ids: [], keys: [] };
  const reindexed: { ids: string[]; phone: Index[]; email: Index[]; nationalId: Index[] } = {
    ids: [],
    phone: [],
    email: [],
    nationalId: [],
  };
  for (const row of keys) {
    const old = await orgKey(row.org_key_version);
    const bytes = open(
      old.bytes,
      row.wrapped_key,
      dataKeyWrapAad(orgId, row.subject_id, old.version),
    );
    rewrapped.ids.push(row.subject_id);
    rewrapped.keys.push(seal(newKey.bytes, bytes, dataKeyWrapAad(orgId, row.subject_id, to)));
    const person = byId.get(row.subject_id);
    if (!person || indexed.every(({ bidx }) => person[bidx] === null)) continue;
    const sample = indexed.map(({ enc }) => person[enc] as Buffer | null).find((b) => b !== null);
    if (!sample) continue;
    const dataKey = new FieldKey(
      { orgId, kind: "data", id: row.subject_id, version: readFieldHeader(sample).version },
      bytes,
    );
    const [phone, email, nationalId] = reindex(orgId, dataKey, indexKey, person);
    reindexed.ids.push(person.id);
    reindexed.phone.push(phone);
    reindexed.email.push(email);
    reindexed.nationalId.push(nationalId);
  }

  if (rewrapped.ids.length > 0) {
    await tx.execute(sql`
      update data_keys d set wrapped_key = u.wrapped_key, org_key_version = ${to}
      from (select unnest(${array(rewrapped.ids)}::uuid[]) as subject_id, unnest(${byteaArray(rewrapped.keys)}) as wrapped_key) u
      where d.org_id = ${orgId} and d.subject_id = u.subject_id`);
  }
  if (reindexed.ids.length > 0) {
    // Not a change of the customer's data, so updated_at and change_tx stay as they were.
    await tx.execute(sql`
      update customers c set phone_bidx = u.phone, email_bidx = u.email, national_id_bidx = u.national_id
      from (select unnest(${array(reindexed.ids)}::uuid[]) as id, unnest(${byteaArray(reindexed.phone)}) as phone,
                   unnest(${byteaArray(reindexed.email)}) as email, unnest(${byteaArray(reindexed.nationalId)}) as national_id) u
      where c.org_id = ${orgId} and c.id = u.id`);
  }
  return { moved: rewrapped.ids.length + reindexed.ids.length, last: ids.at(-1)! };
}

/** An org-owned secret column sealed under the organisation key, its version kept beside it. */
interface SealedColumn {
  table: "vouchers" | "customer_imports";
  column: "redemption_code_enc" | "file_enc";
  versionColumn: "redemption_code_key_version" | "file_key_version";
}

export const voucherCodes: SealedColumn = {
  table: "vouchers",
  column: "redemption_code_enc",
  versionColumn: "redemption_code_key_version",
};
export const importFiles: SealedColumn = {
  table: "customer_imports",
  column: "file_enc",
  versionColumn: "file_key_version",
};

/**
 * Re-seals up to `limit` values of one org-sealed column still under a version older than `to`,
 * under `to`. Rows are locked and re-read, so a value rewritten meanwhile is left as it is now.
 */
export async function moveSealedValues(
  tx: Tx,
  orgId: string,
  to: number,
  target: SealedColumn,
  after: string,
  limit: number,
): Promise<BatchResult> {
  const { table, column, versionColumn } = target;
  const { rows } = await tx.execute<{ id: string; blob: Buffer; version: number }>(sql`
    select id, ${sql.identifier(column)} as blob, ${sql.identifier(versionColumn)} as version from ${sql.identifier(table)}
    where org_id = ${orgId} and ${sql.identifier(versionColumn)} < ${to} and ${sql.identifier(column)} is not null and id > ${after}
    order by id limit ${limit} for update`);
  if (rows.length === 0) return { moved: 0, last: null };
  const orgKey = keyVersions(tx, orgId);
  const newKey = await orgKey(to);
  const blobs: Buffer[] = [];
  for (const row of rows) {
    const where: FieldContext = { orgId, table, column, rowId: row.id };
    blobs.push(
      encryptField(newKey, decryptField(await orgKey(row.version), row.blob, where), where),
    );
  }
  await tx.execute(sql`
    update ${sql.identifier(table)} t set ${sql.identifier(column)} = u.blob, ${sql.identifier(versionColumn)} = ${to}
    from (select unnest(${array(rows.map((r) => r.id))}::uuid[]) as id, unnest(${byteaArray(blobs)}) as blob) u
    where t.org_id = ${orgId} and t.id = u.id`);
  return { moved: rows.length, last: rows.at(-1)!.id };
}
