import { spawn } from "node:child_process";
import { once } from "node:events";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { appDb, closeAppDb } from "@/db/client";
import { auditEvents, dataKeys, jobLeases, keyRotations, orgKeys } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { inTenant } from "@/lib/core/tenancy/context";
import { open } from "@/lib/core/crypto/aead";
import { dataKeyWrapAad } from "@/lib/core/crypto/data-keys";
import { KeyDestroyedError } from "@/lib/core/crypto/errors";
import { clearKeyCache } from "@/lib/core/crypto/key-cache";
import { ensureOrgKey, orgKeyVersion } from "@/lib/core/crypto/org-keys";
import { AppError } from "@/lib/core/errors";
import { findCustomersBy, revealField } from "@/lib/customers/queries";
import { upsert } from "@/lib/customers/test-support";
import {
  codeOf,
  fileText,
  findByPhone,
  phoneOf,
  readEverything,
  seedProtectedValues,
} from "@/lib/keys/test-support";
import { protectedBelow, totalOf } from "@/lib/keys/protected-values";
import { claimLease } from "@/lib/core/jobs/lease";
import { rotationLeaseKey, runRotation, startRotation } from "@/lib/keys/rotation";
import { keyRotationSweepJob } from "@/lib/keys/rotation-job";
import { createOrg } from "@/tests/factories";

afterAll(closeAppDb);
beforeEach(clearKeyCache);

const rotationOf = (orgId: string, id: string) =>
  withTenant(
    orgId,
    async (tx) =>
      (
        await tx
          .select()
          .from(keyRotations)
          .where(and(eq(keyRotations.orgId, orgId), eq(keyRotations.id, id)))
      )[0],
  );
const versionsOf = (orgId: string) =>
  withTenant(orgId, (tx) =>
    tx
      .select({
        version: orgKeys.version,
        status: orgKeys.status,
        wrapped: sql<boolean>`wrapped_key is not null`,
      })
      .from(orgKeys)
      .where(eq(orgKeys.orgId, orgId))
      .orderBy(orgKeys.version),
  );
const actionsOf = (orgId: string) =>
  withTenant(
    orgId,
    async (tx) =>
      await tx
        .select({ action: auditEvents.action, details: auditEvents.details })
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, orgId), sql`${auditEvents.action} like 'key.%'`))
        .orderBy(auditEvents.seq),
  );

async function start(orgId: string, ownerId: string) {
  return inTenant(orgId, { type: "user", id: ownerId }, startRotation);
}

describe("organisation key rotation", () => {
  it("moves every protected value to the new version, keeps search working, then destroys the old one", async () => {
    const { orgId, ownerId } = await createOrg();
    const { ids, imports, total } = await seedProtectedValues(orgId, 30);
    const before = await readEverything(orgId, ids, imports);

    const rotation = await start(orgId, ownerId);
    expect(rotation).toMatchObject({ toVersion: 2, total, done: 0, status: "running" });
    expect(await versionsOf(orgId)).toEqual([
      { version: 1, status: "decrypt_only", wrapped: true },
      { version: 2, status: "primary", wrapped: true },
    ]);
    // Before the job has moved anything, search still finds customers indexed under version 1.
    expect(await findByPhone(orgId, phoneOf(4))).toEqual([ids[4]]);

    await runRotation(orgId, rotation.id, { batchSize: 7 });
    expect(await rotationOf(orgId, rotation.id)).toMatchObject({
      status: "completed",
      done: total,
      total,
    });
    expect(await versionsOf(orgId)).toEqual([
      { version: 1, status: "destroyed", wrapped: false },
      { version: 2, status: "primary", wrapped: true },
    ]);
    expect(await readEverything(orgId, ids, imports)).toEqual(before);
    expect(before.codes.get("v-5")).toBe(codeOf(5));
    expect(before.files).toEqual([fileText, fileText]);
    // Only version 2 remains, and its index key alone finds everyone who has a phone.
    const found = await withTenant(orgId, (tx) =>
      findCustomersBy(tx, orgId, { phone: phoneOf(4) }),
    );
    expect(found.map((c) => c.id)).toEqual([ids[4]]);
    expect(await withTenant(orgId, (tx) => protectedBelow(tx, orgId, 2))).toEqual({
      dataKeys: 0,
      voucherCodes: 0,
      importFiles: 0,
      blindIndexes: 0,
    });

    const events = await actionsOf(orgId);
    expect(events.map((e) => e.action)).toEqual([
      "key.rotation_started",
      "key.version_destroyed",
      "key.rotation_completed",
    ]);
    expect(events[0].details).toEqual({
      toVersion: 2,
      total,
      dataKeys: 30,
      voucherCodes: 30,
      importFiles: 2,
      blindIndexes: 20,
    });
    expect(events[2].details).toMatchObject({
      toVersion: 2,
      total,
      done: total,
      destroyedVersions: 1,
    });
  });

  it("resumes after a crash mid-way and finishes with nothing lost or counted twice", async () => {
    const { orgId, ownerId } = await createOrg();
    const { ids, imports, total } = await seedProtectedValues(orgId, 40);
    const before = await readEverything(orgId, ids, imports);
    const rotation = await start(orgId, ownerId);

    let batches = 0;
    const crash = runRotation(orgId, rotation.id, {
      batchSize: 5,
      afterBatch: () => {
        batches += 1;
        if (batches === 3) throw new Error("worker killed");
      },
    });
    await expect(crash).rejects.toThrow("worker killed");
    const midway = await rotationOf(orgId, rotation.id);
    expect(midway.status).toBe("running");
    expect(midway.done).toBeGreaterThan(0);
    expect(midway.done).toBeLessThan(total);
    // What the crash left: exactly `done` values moved, the rest still under version 1.
    expect(totalOf(await withTenant(orgId, (tx) => protectedBelow(tx, orgId, 2)))).toBe(
      total - midway.done,
    );

    // Two workers restart at once (a retry racing a redelivery): they take turns, batch by batch.
    await Promise.all([
      runRotation(orgId, rotation.id, { batchSize: 5 }),
      runRotation(orgId, rotation.id, { batchSize: 8 }),
    ]);
    expect(await rotationOf(orgId, rotation.id)).toMatchObject({
      status: "completed",
      done: total,
      total,
    });
    clearKeyCache();
    expect(await readEverything(orgId, ids, imports)).toEqual(before);
    expect(
      (await actionsOf(orgId)).filter((e) => e.action === "key.rotation_completed"),
    ).toHaveLength(1);
  });

  it("finishes after the worker process is killed (SIGKILL) mid-way", async () => {
    const { orgId, ownerId } = await createOrg();
    const { ids, imports, total } = await seedProtectedValues(orgId, 40);
    const before = await readEverything(orgId, ids, imports);
    const rotation = await start(orgId, ownerId);

    const worker = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--conditions=react-server",
        "lib/keys/rotation-process.fixture.ts",
        orgId,
        rotation.id,
        "5",
      ],
      { env: process.env, stdio: "inherit" },
    );
    const exited = once(worker, "exit");
    const deadline = Date.now() + 60_000;
    while ((await rotationOf(orgId, rotation.id)).done === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    worker.kill("SIGKILL");
    await exited;

    const midway = await rotationOf(orgId, rotation.id);
    expect(midway.status).toBe("running");
    expect(midway.done).toBeGreaterThan(0);
    expect(midway.done).toBeLessThan(total);
    expect(totalOf(await withTenant(orgId, (tx) => protectedBelow(tx, orgId, 2)))).toBe(
      total - midway.done,
    );

    await runRotation(orgId, rotation.id);
    expect(await rotationOf(orgId, rotation.id)).toMatchObject({
      status: "completed",
      done: total,
      total,
    });
    clearKeyCache();
    expect(await readEverything(orgId, ids, imports)).toEqual(before);
  }, 90_000);

  it("keeps what customers write during the rotation, under the new version", async () => {
    const { orgId, ownerId } = await createOrg();
    const { ids, imports, total } = await seedProtectedValues(orgId, 60);
    const rotation = await start(orgId, ownerId);

    const newPhone = (i: number) => `+86139${String(i).padStart(8, "0")}`;
    const writes = (async () => {
      for (let i = 0; i < 60; i += 6)
        await upsert(orgId, [{ externalRef: `k-${i}`, phone: newPhone(i) }]);
      await upsert(orgId, [{ externalRef: "k-new", phone: newPhone(999) }]);
    })();
    await Promise.all([runRotation(orgId, rotation.id, { batchSize: 4 }), writes]);

    expect((await rotationOf(orgId, rotation.id)).status).toBe("completed");
    const after = await readEverything(orgId, ids, imports);
    for (let i = 0; i < 60; i += 6) {
      expect(after.phones[i]).toBe(newPhone(i));
      expect(await findByPhone(orgId, newPhone(i))).toEqual([ids[i]]);
      expect(await findByPhone(orgId, phoneOf(i))).toEqual([]);
    }
    expect(after.phones[1]).toBe(phoneOf(1));
    expect(await findByPhone(orgId, phoneOf(1))).toEqual([ids[1]]);
    expect(await findByPhone(orgId, newPhone(999))).toHaveLength(1);
    // A customer who gains a phone during the rotation may be counted on top of the total.
    expect((await rotationOf(orgId, rotation.id)).done).toBeGreaterThanOrEqual(total);
  });

  it("fails closed for what is still sealed under a destroyed version", async () => {
    const { orgId, ownerId } = await createOrg();
    const { ids } = await seedProtectedValues(orgId, 3);
    const [old] = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(dataKeys)
        .where(and(eq(dataKeys.orgId, orgId), eq(dataKeys.subjectId, ids[0]))),
    );
    const v1 = await withTenant(orgId, (tx) => ensureOrgKey(tx, orgId));
    const rotation = await start(orgId, ownerId);
    await runRotation(orgId, rotation.id);

    clearKeyCache();
    await expect(withTenant(orgId, (tx) => orgKeyVersion(tx, orgId, 1))).rejects.toThrow(
      KeyDestroyedError,
    );
    // A copy of the old wrapped data key (a backup) only opens with version 1's bytes, now gone.
    expect(open(v1.bytes, old.wrappedKey!, dataKeyWrapAad(orgId, ids[0], 1)).length).toBe(32);
    const v2 = await withTenant(orgId, (tx) => ensureOrgKey(tx, orgId));
    expect(() => open(v2.bytes, old.wrappedKey!, dataKeyWrapAad(orgId, ids[0], 2))).toThrow();
    expect(await withTenant(orgId, (tx) => revealField(tx, orgId, ids[0], "phone"))).toBe(
      phoneOf(0),
    );
  });

  it("runs one rotation at a time per organisation", async () => {
    const { orgId, ownerId } = await createOrg();
    await seedProtectedValues(orgId, 2);
    const first = await start(orgId, ownerId);
    await expect(start(orgId, ownerId)).rejects.toThrow(AppError);
    expect(await versionsOf(orgId)).toHaveLength(2);
    // The database refuses a second running row even past the check.
    const second = withTenant(orgId, (tx) =>
      tx.insert(keyRotations).values({ orgId, toVersion: 2, startedBy: ownerId }),
    );
    await expect(second).rejects.toMatchObject({ cause: { code: "23505" } });

    await runRotation(orgId, first.id);
    const next = await start(orgId, ownerId);
    expect(next.toVersion).toBe(3);
    await runRotation(orgId, next.id);
    expect((await versionsOf(orgId)).map((v) => v.status)).toEqual([
      "destroyed",
      "destroyed",
      "primary",
    ]);
  });

  it("supersedes a rotation that stalled (no live runner) instead of refusing a new one", async () => {
    const { orgId, ownerId } = await createOrg();
    const { ids, imports, total } = await seedProtectedValues(orgId, 12);
    const before = await readEverything(orgId, ids, imports);
    const dead = await start(orgId, ownerId);
    // Its worker moved some values, then died: its lease is left behind, no longer renewed.
    const lease = (await claimLease(
      "key-rotation",
      rotationLeaseKey({ orgId, rotationId: dead.id }),
      { orgId, rotationId: dead.id },
    ))!;
    await expect(
      runRotation(orgId, dead.id, {
        batchSize: 3,
        afterBatch: () => {
          throw new Error("worker killed");
        },
      }),
    ).rejects.toThrow("worker killed");
    // While its runner is alive (lease live), or just started, it is not stalled: refused.
    await withTenant(orgId, (tx) =>
      tx
        .update(keyRotations)
        .set({ startedAt: sql`now() - interval '5 minutes'` })
        .where(and(eq(keyRotations.orgId, orgId), eq(keyRotations.id, dead.id))),
    );
    await expect(start(orgId, ownerId)).rejects.toThrow(AppError);
    await appDb()
      .update(jobLeases)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(jobLeases.holder, lease.holder));

    const next = await start(orgId, ownerId);
    expect(next).toMatchObject({ toVersion: 3, status: "running", total });
    expect(await rotationOf(orgId, dead.id)).toMatchObject({ status: "failed" });
    const superseded = (await actionsOf(orgId)).filter(
      (e) => e.action === "key.rotation_superseded",
    );
    expect(superseded).toHaveLength(1);
    expect(superseded[0].details).toMatchObject({ toVersion: 2, by: next.id });
    // The dead one's runner, back, stops at once; the new rotation moves everything and destroys both older versions.
    await runRotation(orgId, dead.id);
    expect(await rotationOf(orgId, dead.id)).toMatchObject({ status: "failed" });
    await runRotation(orgId, next.id);
    expect(await rotationOf(orgId, next.id)).toMatchObject({ status: "completed", done: total });
    expect((await versionsOf(orgId)).map((v) => v.status)).toEqual([
      "destroyed",
      "destroyed",
      "primary",
    ]);
    clearKeyCache();
    expect(await readEverything(orgId, ids, imports)).toEqual(before);
  });

  it("resumes a rotation whose job was lost, from the half-hourly sweep", async () => {
    const { orgId, ownerId } = await createOrg();
    const { ids, imports, total } = await seedProtectedValues(orgId, 8);
    const before = await readEverything(orgId, ids, imports);
    const rotation = await start(orgId, ownerId);
    const lost = runRotation(orgId, rotation.id, {
      batchSize: 3,
      afterBatch: () => {
        throw new Error("job lost");
      },
    });
    await expect(lost).rejects.toThrow("job lost");
    // Not stale yet: the sweep leaves a recently started rotation to its own job.
    await keyRotationSweepJob.run({});
    expect(await rotationOf(orgId, rotation.id)).toMatchObject({ status: "running" });

    await withTenant(orgId, (tx) =>
      tx
        .update(keyRotations)
        .set({ startedAt: sql`now() - interval '31 minutes'` })
        .where(and(eq(keyRotations.orgId, orgId), eq(keyRotations.id, rotation.id))),
    );
    await keyRotationSweepJob.run({});
    expect(await rotationOf(orgId, rotation.id)).toMatchObject({
      status: "completed",
      done: total,
    });
    expect(await readEverything(orgId, ids, imports)).toEqual(before);
  });
});
