import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { orgKeys } from "@/db/schema";
import { KeyDestroyedError } from "@/lib/core/crypto/errors";
import { FieldKey } from "@/lib/core/crypto/field-key";
import { cacheKey, cachedKey } from "@/lib/core/crypto/key-cache";
import { masterKeyProvider } from "@/lib/core/crypto/key-provider";

const wrapAad = (orgId: string, version: number) => JSON.stringify(["privacy-desk/org-key", orgId, version]);

async function newPrimaryRow(orgId: string, version: number): Promise<typeof orgKeys.$inferInsert> {
  const provider = masterKeyProvider();
  const wrappedKey = await provider.wrap(randomBytes(32), wrapAad(orgId, version));
  return { orgId, version, wrappedKey, wrappedBy: provider.keyId, status: "primary" };
}

async function unwrapRow(orgId: string, row: typeof orgKeys.$inferSelect): Promise<FieldKey> {
  if (row.status === "destroyed" || !row.wrappedKey) throw new KeyDestroyedError();
  const provider = masterKeyProvider();
  // Named by the wrapped bytes too: a row rewrapped (or tampered with) is never served from cache.
  const name = `${provider.keyId}/${orgId}/${row.version}/${row.wrappedKey.toString("base64")}`;
  let key = cachedKey(name);
  if (!key) {
    key = await provider.unwrap(row.wrappedKey, wrapAad(orgId, row.version));
    cacheKey(name, key);
  }
  return new FieldKey({ orgId, kind: "org", id: orgId, version: row.version }, key);
}

const primaryRow = (tx: Tx, orgId: string) =>
  tx.select().from(orgKeys).where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.status, "primary"))).limit(1);

/** The organisation's primary key, creating version 1 on first use. */
export async function ensureOrgKey(tx: Tx, orgId: string): Promise<FieldKey> {
  let [row] = await primaryRow(tx, orgId);
  if (!row) {
    // Two requests may create version 1 at once: the loser inserts nothing and reads the winner's.
    await tx.insert(orgKeys).values(await newPrimaryRow(orgId, 1)).onConflictDoNothing();
    [row] = await primaryRow(tx, orgId);
  }
  return unwrapRow(orgId, row);
}

/** A given version of the organisation's key (to decrypt or unwrap what it sealed). */
export async function orgKeyVersion(tx: Tx, orgId: string, version: number): Promise<FieldKey> {
  const [row] = await tx.select().from(orgKeys).where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.version, version)));
  if (!row) throw new KeyDestroyedError();
  return unwrapRow(orgId, row);
}

/**
 * Makes a new primary version; the old one becomes decrypt_only. Rewrapping data keys and
 * re-sealing org-key fields under the new version is the rotation job's work (not here yet).
 */
export async function rotateOrgKey(tx: Tx, orgId: string): Promise<FieldKey> {
  await ensureOrgKey(tx, orgId);
  // Locking the primary row serialises rotations: a concurrent one finds it no longer primary.
  const [primary] = await primaryRow(tx, orgId).for("update");
  if (!primary) throw new Error("the organisation key was rotated concurrently; retry");
  const [latest] = await tx.select({ version: orgKeys.version }).from(orgKeys).where(eq(orgKeys.orgId, orgId)).orderBy(desc(orgKeys.version)).limit(1);
  await tx.update(orgKeys).set({ status: "decrypt_only" }).where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.version, primary.version)));
  await tx.insert(orgKeys).values(await newPrimaryRow(orgId, latest.version + 1));
  return ensureOrgKey(tx, orgId);
}
