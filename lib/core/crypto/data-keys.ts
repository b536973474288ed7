import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
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
  tx.select().from(dataKeys).where(and(eq(dataKeys.orgId, orgId), eq(dataKeys.subjectId, subjectId)));

async function unwrapRow(tx: Tx, row: typeof dataKeys.$inferSelect): Promise<FieldKey> {
  if (!row.wrappedKey || row.destroyedAt) throw new KeyDestroyedError();
  const orgKey = await orgKeyVersion(tx, row.orgId, row.orgKeyVersion);
  const key = open(orgKey.bytes, row.wrappedKey, dataKeyWrapAad(row.orgId, row.subjectId, row.orgKeyVersion));
  return new FieldKey({ orgId: row.orgId, kind: "data", id: row.subjectId, version: DATA_KEY_VERSION }, key);
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
    const wrappedKey = seal(orgKey.bytes, randomBytes(32), dataKeyWrapAad(orgId, subjectId, orgKey.version));
    // A concurrent first use may win the insert; then everyone uses the winner's key.
    await tx.insert(dataKeys).values({ orgId, subjectId, orgKeyVersion: orgKey.version, wrappedKey }).onConflictDoNothing();
    [row] = await rowOf(tx, orgId, subjectId);
  }
  return unwrapRow(tx, row);
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
    .where(and(eq(dataKeys.orgId, orgId), eq(dataKeys.subjectId, subjectId), isNull(dataKeys.destroyedAt)))
    .returning({ subjectId: dataKeys.subjectId });
  if (destroyed.length > 0) return true;
  const { version } = await ensureOrgKey(tx, orgId);
  await tx.insert(dataKeys).values({ orgId, subjectId, orgKeyVersion: version, wrappedKey: null, destroyedAt: new Date() }).onConflictDoNothing();
  return false;
}
