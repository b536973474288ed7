import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, isNotNull, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { orgKeys } from "@/db/schema";
import { KeyDestroyedError } from "@/lib/core/crypto/errors";
import { FieldKey } from "@/lib/core/crypto/field-key";
import { cacheKey, cachedKey } from "@/lib/core/crypto/key-cache";
import { masterKeyProvider } from "@/lib/core/crypto/key-provider";

const wrapAad = (orgId: string, version: number) =>
  JSON.stringify(["privacy-desk/org-key", orgId, version]);

async function newPrimaryRow(orgId: string, version: number): Promise<typeof orgKeys.$inferInsert> {
  const provider = masterKeyProvider();
  const wrappedKey = await provider.wrap(randomBytes(32), wrapAad(orgId, version));
  return { orgId, version, wrappedKey, wrappedBy: provider.keyId, status: "primary" };
}

async function unwrapRow(orgId: string, row: typeof orgKeys.$inferSelect): Promise<FieldKey> {
  if (row.status === "destroyed" || !row.wrappedKey) throw new KeyDestroyedError();
  const provider = masterKeyProvider();
  // Named by the wrapped bytes too: a row rewrapped (or tampered with) is never served from cache.
  const name = `${row.wrappedBy}/${orgId}/${row.version}/${row.wrappedKey.toString("base64")}`;
  let key = cachedKey(name);
  if (!key) {
    key = await provider.unwrap(row.wrappedKey, wrapAad(orgId, row.version), row.wrappedBy);
    cacheKey(name, key);
  }
  return new FieldKey({ orgId, kind: "org", id: orgId, version: row.version }, key);
}

const primaryRow = (tx: Tx, orgId: string) =>
  tx
    .select()
    .from(orgKeys)
    .where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.status, "primary")))
    .limit(1);

/** The organisation's primary key, creating version 1 on first use. */
export async function ensureOrgKey(tx: Tx, orgId: string): Promise<FieldKey> {
  let [row] = await primaryRow(tx, orgId);
  if (!row) {
    // Two requests may create version 1 at once: the loser inserts nothing and reads the winner's.
    await tx
      .insert(orgKeys)
      .values(await newPrimaryRow(orgId, 1))
      .onConflictDoNothing();
    [row] = await primaryRow(tx, orgId);
  }
  return unwrapRow(orgId, row);
}

/** A given version of the organisation's key (to decrypt or unwrap what it sealed). */
export async function orgKeyVersion(tx: Tx, orgId: string, version: number): Promise<FieldKey> {
  const [row] = await tx
    .select()
    .from(orgKeys)
    .where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.version, version)));
  if (!row) throw new KeyDestroyedError();
  return unwrapRow(orgId, row);
}

/** Every version that can still open something (primary first, then newest to oldest). */
export async function liveOrgKeys(tx: Tx, orgId: string): Promise<FieldKey[]> {
  await ensureOrgKey(tx, orgId);
  const rows = await tx
    .select()
    .from(orgKeys)
    .where(and(eq(orgKeys.orgId, orgId), ne(orgKeys.status, "destroyed")))
    .orderBy(sql`${orgKeys.status} = 'primary' desc`, desc(orgKeys.version));
  return Promise.all(rows.map((row) => unwrapRow(orgId, row)));
}

/**
 * Master key rotation: rewraps every live version not wrapped by the current master key (it
 * must be one the provider still knows, i.e. MASTER_KEY_PREVIOUS). Returns how many moved.
 */
export async function rewrapOrgKeys(tx: Tx, orgId: string): Promise<number> {
  const provider = masterKeyProvider();
  const rows = await tx
    .select()
    .from(orgKeys)
    .where(
      and(
        eq(orgKeys.orgId, orgId),
        isNotNull(orgKeys.wrappedKey),
        ne(orgKeys.wrappedBy, provider.keyId),
      ),
    )
    .orderBy(asc(orgKeys.version))
    .for("update");
  for (const row of rows) {
    const aad = wrapAad(orgId, row.version);
    const wrappedKey = await provider.wrap(
      await provider.unwrap(row.wrappedKey!, aad, row.wrappedBy),
      aad,
    );
    await tx
      .update(orgKeys)
      .set({ wrappedKey, wrappedBy: provider.keyId })
      .where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.version, row.version)));
  }
  return rows.length;
}

/**
 * Makes a new primary version; the old one becomes decrypt_only. Moving what the old version
 * protects to the new one is the rotation job's work (lib/keys/rotation.ts).
 */
export async function rotateOrgKey(tx: Tx, orgId: string): Promise<FieldKey> {
  await ensureOrgKey(tx, orgId);
  // Locking the primary row serialises rotations: a concurrent one finds it no longer primary.
  const [primary] = await primaryRow(tx, orgId).for("update");
  if (!primary) throw new Error("the organisation key was rotated concurrently; retry");
  const [latest] = await tx
    .select({ version: orgKeys.version })
    .from(orgKeys)
    .where(eq(orgKeys.orgId, orgId))
    .orderBy(desc(orgKeys.version))
    .limit(1);
  await tx
    .update(orgKeys)
    .set({ status: "decrypt_only" })
    .where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.version, primary.version)));
  await tx.insert(orgKeys).values(await newPrimaryRow(orgId, latest.version + 1));
  return ensureOrgKey(tx, orgId);
}
