import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { byteaArray } from "@/db/bytea-array";
import type { Tx } from "@/db/client";
import { dataKeys } from "@/db/schema";
import { open, seal } from "@/lib/core/crypto/aead";
import { KeyDestroyedError } from "@/lib/core/crypto/errors";
import { FieldKey } from "@/lib/core/crypto/field-key";
import { ensureOrgKey, orgKeyVersion } from "@/lib/core/crypto/org-keys";

// Data keys have one generation; re-keying a subject would bump it (and add a column).
const DATA_KEY_VERSION = 1;

/** What a data key's wrapping is bound to (rotation rewraps under the same binding, new version). */
export const dataKeyWrapAad = (orgId: string, subjectId: string, orgVersion: number) =>
  JSON.stringify(["privacy-desk/data-key", orgId, subjectId, orgVersion]);

const rowOf = (tx: Tx, orgId: string, subjectId: string) =>
  tx
    .select()
    .from(dataKeys)
    .where(and(eq(dataKeys.orgId, orgId), eq(dataKeys.subjectId, subjectId)));

async function unwrapRow(tx: Tx, row: typeof dataKeys.$inferSelect): Promise<FieldKey> {
  if (!row.wrappedKey || row.destroyedAt) throw new KeyDestroyedError();
  const orgKey = await orgKeyVersion(tx, row.orgId, row.orgKeyVersion);
  const key = open(
    orgKey.bytes,
    row.wrappedKey,
    dataKeyWrapAad(row.orgId, row.subjectId, row.orgKeyVersion),
  );
  return new FieldKey(
    { orgId: row.orgId, kind: "data", id: row.subjectId, version: DATA_KEY_VERSION },
    key,
  );
}

/** A data subject's existing key; KeyDestroyedError when it was destroyed or never existed. */
export async function existingDataKey(tx: Tx, orgId: string, subjectId: string): Promise<FieldKey> {
  const [row] = await rowOf(tx, orgId, subjectId);
  if (!row) throw new KeyDestroyedError();
  return unwrapRow(tx, row);
}

/**
 * The data subject's key, created (wrapped by the org's primary key) on first use. Throws
 * KeyDestroyedError for an erased subject: no new key is ever made for them.
 */
export async function dataKeyFor(tx: Tx, orgId: string, subjectId: string): Promise<FieldKey> {
  let [row] = await rowOf(tx, orgId, subjectId);
  if (!row) {
    const orgKey = await ensureOrgKey(tx, orgId);
    const wrappedKey = seal(
      orgKey.bytes,
      randomBytes(32),
      dataKeyWrapAad(orgId, subjectId, orgKey.version),
    );
    // A concurrent first use may win the insert; then everyone uses the winner's key.
    await tx
      .insert(dataKeys)
      .values({ orgId, subjectId, orgKeyVersion: orgKey.version, wrappedKey })
      .onConflictDoNothing();
    [row] = await rowOf(tx, orgId, subjectId);
  }
  return unwrapRow(tx, row);
}

/**
 * A new data key for a subject, wrapped by the given (primary) org key: the key to encrypt with
 * and the row to store. For batch paths (dataKeysFor, the bulk seed) that insert many at once;
 * `bytes` lets a bulk caller draw many keys from one CSPRNG call (32 fresh random bytes each).
 */
export function newDataKey(
  orgKey: FieldKey,
  subjectId: string,
  bytes: Buffer = randomBytes(32),
): { key: FieldKey; row: typeof dataKeys.$inferInsert & { wrappedKey: Buffer } } {
  const wrappedKey = seal(
    orgKey.bytes,
    bytes,
    dataKeyWrapAad(orgKey.orgId, subjectId, orgKey.version),
  );
  return {
    key: new FieldKey(
      { orgId: orgKey.orgId, kind: "data", id: subjectId, version: DATA_KEY_VERSION },
      bytes,
    ),
    row: { orgId: orgKey.orgId, subjectId, orgKeyVersion: orgKey.version, wrappedKey },
  };
}

/**
 * The keys of many data subjects at once (a batch upsert or import), whatever the batch size:
 * one select, one multi-row insert of the missing keys, and a reselect of any that a concurrent
 * transaction made first. Same rules as dataKeyFor: a concurrent creator's key wins (ON CONFLICT
 * DO NOTHING, then read back), and an erased subject throws KeyDestroyedError, never a new key.
 */
export async function dataKeysFor(
  tx: Tx,
  orgId: string,
  subjectIds: string[],
): Promise<Map<string, FieldKey>> {
  const wanted = [...new Set(subjectIds)];
  if (wanted.length === 0) return new Map();
  // One array parameter, not one per id.
  const rowsOf = (ids: string[]) =>
    tx
      .select()
      .from(dataKeys)
      .where(
        and(eq(dataKeys.orgId, orgId), sql`${dataKeys.subjectId} = any(${sql.param(ids)}::uuid[])`),
      );
  const rows = await rowsOf(wanted);
  const keys = new Map<string, FieldKey>();
  const found = new Set(rows.map((row) => row.subjectId));
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length > 0) {
    const orgKey = await ensureOrgKey(tx, orgId);
    const fresh = missing.map((subjectId) => newDataKey(orgKey, subjectId));
    const inserted = await tx.execute<{ subject_id: string }>(sql`
      insert into ${dataKeys} (org_id, subject_id, org_key_version, wrapped_key)
      select ${orgId}, s, ${orgKey.version}, w from unnest(${sql.param(missing)}::uuid[], ${byteaArray(fresh.map((f) => f.row.wrappedKey))}) as u(s, w)
      on conflict do nothing returning subject_id`);
    // Ours are known without unwrapping; a concurrent creator's (the conflicts) are read back.
    const ours = new Set(inserted.rows.map((row) => row.subject_id));
    for (const { key } of fresh) if (ours.has(key.id)) keys.set(key.id, key);
    const theirs = missing.filter((id) => !ours.has(id));
    if (theirs.length > 0) rows.push(...(await rowsOf(theirs)));
  }
  // One org key lookup per version in the batch, not per row.
  const orgKeys = new Map<number, FieldKey>();
  for (const row of rows) {
    if (!row.wrappedKey || row.destroyedAt) throw new KeyDestroyedError();
    let orgKey = orgKeys.get(row.orgKeyVersion);
    if (!orgKey)
      orgKeys.set(row.orgKeyVersion, (orgKey = await orgKeyVersion(tx, orgId, row.orgKeyVersion)));
    const key = open(
      orgKey.bytes,
      row.wrappedKey,
      dataKeyWrapAad(orgId, row.subjectId, row.orgKeyVersion),
    );
    keys.set(
      row.subjectId,
      new FieldKey({ orgId, kind: "data", id: row.subjectId, version: DATA_KEY_VERSION }, key),
    );
  }
  return keys;
}

/**
 * Crypto-shreds a data subject: the wrapped key is erased, so every ciphertext sealed under it
 * (in any table, export or backup of ciphertext) becomes undecryptable. A subject who never had
 * a key gets a tombstone so none is created later. Returns whether a live key was destroyed.
 */
export async function destroyDataKey(tx: Tx, orgId: string, subjectId: string): Promise<boolean> {
  const destroyed = await tx
    .update(dataKeys)
    .set({ wrappedKey: null, destroyedAt: new Date() })
    .where(
      and(
        eq(dataKeys.orgId, orgId),
        eq(dataKeys.subjectId, subjectId),
        isNull(dataKeys.destroyedAt),
      ),
    )
    .returning({ subjectId: dataKeys.subjectId });
  if (destroyed.length > 0) return true;
  const { version } = await ensureOrgKey(tx, orgId);
  await tx
    .insert(dataKeys)
    .values({ orgId, subjectId, orgKeyVersion: version, wrappedKey: null, destroyedAt: new Date() })
    .onConflictDoNothing();
  return false;
}

/**
 * The existing keys of many data subjects, for batch reads (an incident's notices): one select,
 * one org key lookup per version. A subject whose key was destroyed (erased) or never made is
 * simply absent: nothing can be read for them or sealed to them, and no key is made.
 */
export async function existingDataKeys(
  tx: Tx,
  orgId: string,
  subjectIds: string[],
): Promise<Map<string, FieldKey>> {
  const keys = new Map<string, FieldKey>();
  if (subjectIds.length === 0) return keys;
  const rows = await tx
    .select()
    .from(dataKeys)
    .where(
      and(
        eq(dataKeys.orgId, orgId),
        sql`${dataKeys.subjectId} = any(${sql.param(subjectIds)}::uuid[])`,
        isNull(dataKeys.destroyedAt),
      ),
    );
  const orgKeys = new Map<number, FieldKey>();
  for (const row of rows) {
    if (!row.wrappedKey) continue;
    let orgKey = orgKeys.get(row.orgKeyVersion);
    if (!orgKey)
      orgKeys.set(row.orgKeyVersion, (orgKey = await orgKeyVersion(tx, orgId, row.orgKeyVersion)));
    const key = open(
      orgKey.bytes,
      row.wrappedKey,
      dataKeyWrapAad(orgId, row.subjectId, row.orgKeyVersion),
    );
    keys.set(
      row.subjectId,
      new FieldKey({ orgId, kind: "data", id: row.subjectId, version: DATA_KEY_VERSION }, key),
    );
  }
  return keys;
}
