import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { orgKeys } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { DecryptionError } from "@/lib/core/crypto/errors";
import { decryptField, encryptField } from "@/lib/core/crypto/field";
import { clearKeyCache } from "@/lib/core/crypto/key-cache";
import { keyForField } from "@/lib/core/crypto/key-for-field";
import { ensureOrgKey, orgKeyVersion, rotateOrgKey } from "@/lib/core/crypto/org-keys";
import { createOrg } from "@/tests/factories";

afterAll(closeAppDb);
beforeEach(clearKeyCache);

const rowsOf = (orgId: string) =>
  withTenant(orgId, (tx) =>
    tx.select().from(orgKeys).where(eq(orgKeys.orgId, orgId)).orderBy(orgKeys.version),
  );

describe("organisation keys", () => {
  it("creates version 1 once, wrapped, and unwraps it to the same key", async () => {
    const { orgId } = await createOrg();
    const first = await withTenant(orgId, (tx) => ensureOrgKey(tx, orgId));
    clearKeyCache();
    const again = await withTenant(orgId, (tx) => ensureOrgKey(tx, orgId));
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect(first).toMatchObject({ orgId, kind: "org", id: orgId, version: 1 });

    const rows = await rowsOf(orgId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 1, status: "primary" });
    expect(rows[0].wrappedKey!.includes(first.bytes)).toBe(false);
    expect(rows[0].wrappedKey!.length).toBe(1 + 12 + 32 + 16);
  });

  it("creates one key even when first uses race", async () => {
    const { orgId } = await createOrg();
    const keys = await Promise.all(
      [0, 1, 2].map(() => withTenant(orgId, (tx) => ensureOrgKey(tx, orgId))),
    );
    expect(new Set(keys.map((k) => k.bytes.toString("hex"))).size).toBe(1);
    expect(await rowsOf(orgId)).toHaveLength(1);
  });

  it("refuses another organisation's wrapped key copied into this organisation's row", async () => {
    const [a, b] = [await createOrg(), await createOrg()];
    await withTenant(a.orgId, (tx) => ensureOrgKey(tx, a.orgId));
    await withTenant(b.orgId, (tx) => ensureOrgKey(tx, b.orgId));
    const [stolen] = await rowsOf(a.orgId);
    await withTenant(b.orgId, (tx) =>
      tx.update(orgKeys).set({ wrappedKey: stolen.wrappedKey }).where(eq(orgKeys.orgId, b.orgId)),
    );
    await expect(withTenant(b.orgId, (tx) => ensureOrgKey(tx, b.orgId))).rejects.toThrow(
      DecryptionError,
    );
  });

  it("rotates to a new primary and keeps the old version for decryption only", async () => {
    const { orgId } = await createOrg();
    const where = { orgId, table: "customers", column: "note", rowId: orgId };
    const { v1, blob, v2 } = await withTenant(orgId, async (tx) => {
      const v1 = await ensureOrgKey(tx, orgId);
      const blob = encryptField(v1, "sealed under v1", where);
      return { v1, blob, v2: await rotateOrgKey(tx, orgId) };
    });
    expect(v2.version).toBe(2);
    expect(v2.bytes.equals(v1.bytes)).toBe(false);
    expect((await rowsOf(orgId)).map((r) => [r.version, r.status])).toEqual([
      [1, "decrypt_only"],
      [2, "primary"],
    ]);

    // The wrong key version fails closed; the blob's own header finds the right one.
    expect(() => decryptField(v2, blob, where)).toThrow(DecryptionError);
    const found = await withTenant(orgId, (tx) => keyForField(tx, orgId, blob));
    expect(found.version).toBe(1);
    expect(decryptField(found, blob, where)).toBe("sealed under v1");
    expect((await withTenant(orgId, (tx) => ensureOrgKey(tx, orgId))).version).toBe(2);
  });

  it("enforces one primary per organisation in the database", async () => {
    const { orgId } = await createOrg();
    const v1 = await withTenant(orgId, (tx) => ensureOrgKey(tx, orgId));
    const insertSecondPrimary = withTenant(orgId, (tx) =>
      tx
        .insert(orgKeys)
        .values({ orgId, version: 2, wrappedKey: Buffer.alloc(61), status: "primary" }),
    );
    await expect(insertSecondPrimary).rejects.toMatchObject({ cause: { code: "23505" } });
    expect(
      (await withTenant(orgId, (tx) => orgKeyVersion(tx, orgId, 1))).bytes.equals(v1.bytes),
    ).toBe(true);
  });

  it("fails closed for a destroyed or unknown version", async () => {
    const { orgId } = await createOrg();
    await withTenant(orgId, (tx) => ensureOrgKey(tx, orgId));
    await expect(withTenant(orgId, (tx) => orgKeyVersion(tx, orgId, 7))).rejects.toThrow(
      DecryptionError,
    );
    await withTenant(orgId, (tx) =>
      tx
        .update(orgKeys)
        .set({ status: "destroyed", wrappedKey: null, destroyedAt: new Date() })
        .where(eq(orgKeys.orgId, orgId)),
    );
    await expect(withTenant(orgId, (tx) => orgKeyVersion(tx, orgId, 1))).rejects.toThrow(
      DecryptionError,
    );
  });
});
