import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { dataKeys } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { dataKeyFor, destroyDataKey } from "@/lib/core/crypto/data-keys";
import { DecryptionError, KeyDestroyedError } from "@/lib/core/crypto/errors";
import { decryptField, encryptField } from "@/lib/core/crypto/field";
import { clearKeyCache } from "@/lib/core/crypto/key-cache";
import { keyForField } from "@/lib/core/crypto/key-for-field";
import { createOrg } from "@/tests/factories";

afterAll(closeAppDb);
beforeEach(clearKeyCache);

const rowOf = (orgId: string, subjectId: string) =>
  withTenant(
    orgId,
    async (tx) =>
      (
        await tx
          .select()
          .from(dataKeys)
          .where(and(eq(dataKeys.orgId, orgId), eq(dataKeys.subjectId, subjectId)))
      )[0],
  );

/** Reads a stored blob back the way the vault will: the blob names its key. */
const readBack = (orgId: string, blob: Buffer, rowId: string) =>
  withTenant(orgId, async (tx) =>
    decryptField(await keyForField(tx, orgId, blob), blob, {
      orgId,
      table: "customers",
      column: "phone",
      rowId,
    }),
  );

describe("data keys", () => {
  it("creates one key per subject on first use, wrapped, and returns the same key later", async () => {
    const { orgId } = await createOrg();
    const subjectId = randomUUID();
    const first = await withTenant(orgId, (tx) => dataKeyFor(tx, orgId, subjectId));
    clearKeyCache();
    const again = await withTenant(orgId, (tx) => dataKeyFor(tx, orgId, subjectId));
    expect(first).toMatchObject({ orgId, kind: "data", id: subjectId, version: 1 });
    expect(first.bytes).toHaveLength(32);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    const row = await rowOf(orgId, subjectId);
    expect(row).toMatchObject({ orgKeyVersion: 1, destroyedAt: null });
    expect(row.wrappedKey!.includes(first.bytes)).toBe(false);
  });

  it("crypto-shreds one subject: their ciphertext fails closed, another subject's still opens", async () => {
    const { orgId } = await createOrg();
    const [a, b] = [randomUUID(), randomUUID()];
    const [blobA, blobB] = await withTenant(orgId, async (tx) => [
      encryptField(await dataKeyFor(tx, orgId, a), "+8613800138000", {
        orgId,
        table: "customers",
        column: "phone",
        rowId: a,
      }),
      encryptField(await dataKeyFor(tx, orgId, b), "+8613900139000", {
        orgId,
        table: "customers",
        column: "phone",
        rowId: b,
      }),
    ]);
    expect(await readBack(orgId, blobA, a)).toBe("+8613800138000");

    expect(await withTenant(orgId, (tx) => destroyDataKey(tx, orgId, a))).toBe(true);

    const row = await rowOf(orgId, a);
    expect(row.wrappedKey).toBeNull();
    expect(row.destroyedAt).toBeInstanceOf(Date);
    await expect(readBack(orgId, blobA, a)).rejects.toThrow(KeyDestroyedError);
    await expect(readBack(orgId, blobA, a)).rejects.toThrow(DecryptionError);
    // No fresh key is ever made for an erased subject.
    await expect(withTenant(orgId, (tx) => dataKeyFor(tx, orgId, a))).rejects.toThrow(
      KeyDestroyedError,
    );
    expect(await readBack(orgId, blobB, b)).toBe("+8613900139000");
    expect(await withTenant(orgId, (tx) => destroyDataKey(tx, orgId, a))).toBe(false);
  });

  it("leaves a tombstone for a subject who never had a key", async () => {
    const { orgId } = await createOrg();
    const subjectId = randomUUID();
    expect(await withTenant(orgId, (tx) => destroyDataKey(tx, orgId, subjectId))).toBe(false);
    expect(await rowOf(orgId, subjectId)).toMatchObject({
      wrappedKey: null,
      destroyedAt: expect.any(Date),
    });
    await expect(withTenant(orgId, (tx) => dataKeyFor(tx, orgId, subjectId))).rejects.toThrow(
      KeyDestroyedError,
    );
  });

  it("refuses a data key wrapped for organisation A when presented as organisation B's", async () => {
    const [orgA, orgB] = [(await createOrg()).orgId, (await createOrg()).orgId];
    const subjectId = randomUUID();
    await withTenant(orgA, (tx) => dataKeyFor(tx, orgA, subjectId));
    await withTenant(orgB, (tx) => dataKeyFor(tx, orgB, subjectId));
    const stolen = (await rowOf(orgA, subjectId)).wrappedKey;
    await withTenant(orgB, (tx) =>
      tx
        .update(dataKeys)
        .set({ wrappedKey: stolen })
        .where(and(eq(dataKeys.orgId, orgB), eq(dataKeys.subjectId, subjectId))),
    );
    await expect(withTenant(orgB, (tx) => dataKeyFor(tx, orgB, subjectId))).rejects.toThrow(
      DecryptionError,
    );
  });

  it("does not open organisation A's ciphertext with organisation B's key for the same subject id", async () => {
    const [orgA, orgB] = [(await createOrg()).orgId, (await createOrg()).orgId];
    const subjectId = randomUUID();
    const blob = await withTenant(orgA, async (tx) =>
      encryptField(await dataKeyFor(tx, orgA, subjectId), "secret", {
        orgId: orgA,
        table: "customers",
        column: "phone",
        rowId: subjectId,
      }),
    );
    await withTenant(orgB, (tx) => dataKeyFor(tx, orgB, subjectId));
    await expect(readBack(orgB, blob, subjectId)).rejects.toThrow(DecryptionError);
  });
});
