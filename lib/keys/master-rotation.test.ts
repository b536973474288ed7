import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeAppDb } from "@/db/client";
import { auditEvents, orgKeys, users } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { inTenant } from "@/lib/core/tenancy/context";
import { openTotpSecret, sealTotpSecret } from "@/lib/core/auth/totp-secret";
import { DecryptionError } from "@/lib/core/crypto/errors";
import { clearKeyCache } from "@/lib/core/crypto/key-cache";
import { envKeyId } from "@/lib/core/crypto/key-provider";
import { ensureOrgKey } from "@/lib/core/crypto/org-keys";
import { rotateMasterKey } from "@/lib/keys/master-rotation";
import { startRotation } from "@/lib/keys/rotation";
import { findByPhone, phoneOf, readEverything, seedProtectedValues } from "@/lib/keys/test-support";
import { createOrg } from "@/tests/factories";
import { createFreshDatabase, type FreshDatabase } from "@/tests/fresh-database";

// The environment is read afresh on every call here, so the test can switch master keys.
vi.mock("@/lib/core/env", async () => {
  const { parseEnv } = await import("@/lib/core/env/schema");
  return { env: () => parseEnv(process.env) };
});

const original = {
  DATABASE_URL: process.env.DATABASE_URL,
  MASTER_KEY: process.env.MASTER_KEY,
  MASTER_KEY_PREVIOUS: process.env.MASTER_KEY_PREVIOUS,
};
function useMasterKeys(current: string, previous?: string) {
  process.env.MASTER_KEY = current;
  if (previous) process.env.MASTER_KEY_PREVIOUS = previous;
  else delete process.env.MASTER_KEY_PREVIOUS;
  clearKeyCache();
}

// Master rotation rewraps every organisation in the database, so it gets a database of its own:
// the run's shared one stays under the run's master key for the test files running beside it.
let database: FreshDatabase;
beforeAll(async () => {
  database = await createFreshDatabase(process.env.DATABASE_APP_PASSWORD!);
  await closeAppDb();
  process.env.DATABASE_URL = database.url;
});

afterAll(async () => {
  await closeAppDb();
  await database.drop();
  process.env.DATABASE_URL = original.DATABASE_URL;
  useMasterKeys(original.MASTER_KEY!, original.MASTER_KEY_PREVIOUS);
});
beforeEach(clearKeyCache);

const wrappersOf = (orgId: string) =>
  withTenant(orgId, async (tx) =>
    (await tx.select({ by: orgKeys.wrappedBy }).from(orgKeys).where(eq(orgKeys.orgId, orgId))).map(
      (r) => r.by,
    ),
  );
const masterEvents = (orgId: string) =>
  withTenant(orgId, (tx) =>
    tx
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, "key.master_rotated"))),
  );

describe("master key rotation", () => {
  it("rewraps organisation keys and reseals TOTP secrets, so the old master key can be dropped", async () => {
    const a = original.MASTER_KEY!;
    const b = randomBytes(32).toString("base64");
    const { orgId, ownerId } = await createOrg();
    const { ids, imports } = await seedProtectedValues(orgId, 6);
    // Two live versions (a rotation just started): both must move to the new master key.
    await inTenant(orgId, { type: "user", id: ownerId }, startRotation);
    const secret = "JBSWY3DPEHPK3PXP";
    await withoutTenant((tx) =>
      tx
        .update(users)
        .set({ totpSecret: sealTotpSecret(ownerId, secret) })
        .where(eq(users.id, ownerId)),
    );
    const before = await readEverything(orgId, ids, imports);
    expect(await wrappersOf(orgId)).toEqual([
      envKeyId(Buffer.from(a, "base64")),
      envKeyId(Buffer.from(a, "base64")),
    ]);

    // The new key alone cannot open anything yet: it fails closed.
    useMasterKeys(b);
    await expect(withTenant(orgId, (tx) => ensureOrgKey(tx, orgId))).rejects.toThrow(
      DecryptionError,
    );

    // With the old one as previous, everything reads before the script has run.
    useMasterKeys(b, a);
    expect(await readEverything(orgId, ids, imports)).toEqual(before);
    const sealed = async () =>
      (
        await withoutTenant((tx) =>
          tx.select({ s: users.totpSecret }).from(users).where(eq(users.id, ownerId)),
        )
      )[0].s!;
    expect(openTotpSecret(ownerId, await sealed())).toBe(secret);

    const summary = await rotateMasterKey();
    expect(summary.masterKeyId).toBe(envKeyId(Buffer.from(b, "base64")));
    expect(summary.orgKeyVersions).toBeGreaterThanOrEqual(2);
    expect(summary.totpSecrets).toBeGreaterThanOrEqual(1);
    expect(await wrappersOf(orgId)).toEqual([summary.masterKeyId, summary.masterKeyId]);
    expect((await masterEvents(orgId)).map((e) => e.details)).toEqual([
      { masterKeyId: summary.masterKeyId, orgKeyVersions: 2, totpSecrets: 1 },
    ]);

    // Idempotent: nothing left to do, nothing recorded.
    expect(await rotateMasterKey()).toMatchObject({ orgKeyVersions: 0, totpSecrets: 0 });
    expect(await masterEvents(orgId)).toHaveLength(1);

    // The old master key is gone: everything still opens under the new one alone.
    useMasterKeys(b);
    expect(await readEverything(orgId, ids, imports)).toEqual(before);
    expect(openTotpSecret(ownerId, await sealed())).toBe(secret);
    expect(await findByPhone(orgId, phoneOf(0))).toEqual([ids[0]]);
  });
});
