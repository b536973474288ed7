import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { customers, dataKeys } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { signingKeyFrom } from "@/lib/core/audit/signing-key";
import { KeyDestroyedError } from "@/lib/core/crypto/errors";
import { inTenant } from "@/lib/core/tenancy/context";
import { eraseCustomer } from "@/lib/customers/commands";
import { appendToLedger, readLedger } from "@/lib/customers/erasure-ledger";
import { syncErasureLedger } from "@/lib/customers/erasure-ledger-sync";
import { replayErasureLedger } from "@/lib/customers/erasure-replay";
import { revealField } from "@/lib/customers/queries";
import { eventsFor, system, upsert } from "@/lib/customers/test-support";
import { createOrg } from "@/tests/factories";

afterAll(closeAppDb);

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "pd-erasure-ledger-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const wang = { externalRef: "u-2001", displayName: "王五", phone: "+8613700002222" };
const reveal = (orgId: string, id: string) =>
  withTenant(orgId, (tx) => revealField(tx, orgId, id, "phone"));
const erase = (orgId: string, id: string) =>
  inTenant(orgId, system, (ctx) => eraseCustomer(ctx, id));

/** What a backup taken now would bring back: the customer's row and data key, as stored. */
async function backupOf(orgId: string, id: string) {
  return withTenant(orgId, async (tx) => ({
    customer: (
      await tx
        .select()
        .from(customers)
        .where(and(eq(customers.orgId, orgId), eq(customers.id, id)))
    )[0],
    key: (
      await tx
        .select()
        .from(dataKeys)
        .where(and(eq(dataKeys.orgId, orgId), eq(dataKeys.subjectId, id)))
    )[0],
  }));
}
type Backup = Awaited<ReturnType<typeof backupOf>>;

/** Restores those rows over the erased ones, as restoring the older backup does. */
async function restore(orgId: string, id: string, { customer, key }: Backup) {
  await withTenant(orgId, async (tx) => {
    await tx
      .update(customers)
      .set(customer)
      .where(and(eq(customers.orgId, orgId), eq(customers.id, id)));
    await tx
      .update(dataKeys)
      .set(key)
      .where(and(eq(dataKeys.orgId, orgId), eq(dataKeys.subjectId, id)));
  });
}

describe("the erasure ledger", () => {
  it("records each erasure by ids only, and erases again a customer an older backup brings back", async () => {
    const path = join(dir, "restore.jsonl");
    const { orgId } = await createOrg();
    const [a] = await upsert(orgId, [wang]);
    const backup = await backupOf(orgId, a.id);
    expect(await erase(orgId, a.id)).toBe(true);

    expect(await syncErasureLedger(path)).toBeGreaterThanOrEqual(1);
    const text = await readFile(path, "utf8");
    expect(text).toContain(a.id);
    expect(text).not.toMatch(/王|13700002222|u-2001/);
    const mine = (await readLedger({ path })).entries.filter((entry) => entry.orgId === orgId);
    expect(mine).toEqual([
      { orgId, customerId: a.id, seq: expect.any(Number), erasedAt: expect.any(String) },
    ]);
    // Nothing new: a second run appends nothing of this organisation's.
    await syncErasureLedger(path);
    expect(
      (await readLedger({ path })).entries.filter((entry) => entry.orgId === orgId),
    ).toHaveLength(1);

    await restore(orgId, a.id, backup);
    expect(await reveal(orgId, a.id)).toBe("+8613700002222");

    const replay = await replayErasureLedger(path);
    expect(replay).toMatchObject({ rejected: 0 });
    expect(replay.reErased).toBeGreaterThanOrEqual(1);
    await expect(reveal(orgId, a.id)).rejects.toThrow(KeyDestroyedError);
    expect((await eventsFor(orgId, a.id)).at(-1)).toEqual({
      action: "customer.erased",
      details: { keyDestroyed: true, paymentAccountsDeleted: 0, replayedFromLedger: true },
    });
    // Once erased again, a further start changes nothing for this customer.
    const events = (await eventsFor(orgId, a.id)).length;
    await replayErasureLedger(path);
    expect(await eventsFor(orgId, a.id)).toHaveLength(events);
  });

  it("never erases on a line that was altered, unsigned or signed by another key", async () => {
    const path = join(dir, "forged.jsonl");
    const { orgId } = await createOrg();
    const [victim, other] = await upsert(orgId, [
      wang,
      { externalRef: "u-2002", displayName: "赵六", phone: "+8613700003333" },
    ]);
    const entry = { orgId, customerId: other.id, seq: 1, erasedAt: new Date().toISOString() };
    await appendToLedger([entry], { path });
    const [signed] = (await readFile(path, "utf8")).trim().split("\n");
    const altered = signed.replace(other.id, victim.id);
    const unsigned = JSON.stringify({ ...entry, customerId: victim.id });
    const otherKey = signingKeyFrom(
      Buffer.from(
        generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }),
      ).toString("base64"),
    );
    await writeFile(path, `${altered}\n${unsigned}\nnot json\n`);
    await appendToLedger([{ ...entry, customerId: victim.id }], { path, key: otherKey });

    expect(await readLedger({ path })).toEqual({ entries: [], rejected: 4 });
    expect(await replayErasureLedger(path)).toEqual({ reErased: 0, rejected: 4 });
    expect(await reveal(orgId, victim.id)).toBe("+8613700002222");
  });
});
