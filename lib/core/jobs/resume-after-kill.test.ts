/**
 * A worker process killed with SIGKILL mid-job, and a new one started: the interrupted key
 * rotation and customer import resume within a minute of the new worker starting (not after
 * pg-boss's 15-minute expiry: their deliveries are still "active" in pg-boss when they finish),
 * and nothing is done twice. Real `npm run worker` processes (scripts/worker.ts) on a database of
 * this test's own, so no other test's schedules or queues run beside them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { and, eq, sql } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDatabase, type FreshDatabase } from "@/tests/fresh-database";

let database: FreshDatabase;
beforeAll(async () => {
  database = await createFreshDatabase(process.env.DATABASE_APP_PASSWORD!);
  // Before anything opens the pool: this file's application runs on the database of its own.
  process.env.DATABASE_URL = database.url;
});
const workers: ChildProcess[] = [];
afterAll(async () => {
  for (const worker of workers)
    if (worker.exitCode === null && worker.signalCode === null) worker.kill("SIGKILL");
  const { stopWorker } = await import("./worker");
  await stopWorker();
  const { closeAppDb } = await import("@/db/client");
  await closeAppDb();
  await database.drop();
});

/** `npm run worker`, as its own process; resolves once it says it runs. */
async function startWorkerProcess(): Promise<ChildProcess> {
  const worker = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"],
    { env: process.env, stdio: ["ignore", "pipe", "inherit"] },
  );
  workers.push(worker);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    worker.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Worker running")) resolve();
    });
    worker.once("exit", (code) =>
      reject(new Error(`worker exited (${code}) before it ran: ${output}`)),
    );
  });
  return worker;
}

async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** pg-boss's own record of the jobs' deliveries, read as the owner. */
async function deliveries(name: string): Promise<string[]> {
  const owner = new Client({ connectionString: database.url });
  await owner.connect();
  const { rows } = await owner.query<{ state: string }>(
    "select state from pgboss.job where name = $1",
    [name],
  );
  await owner.end();
  return rows.map((r) => r.state);
}

describe("interrupted jobs after the worker is killed", () => {
  it("resume within a minute of a new worker starting, nothing done twice", async () => {
    const { withTenant } = await import("@/db/tenant");
    const { auditEvents, customerImports, customers, keyRotations } = await import("@/db/schema");
    const { createOrg, createMember, actAs } = await import("@/tests/factories");
    const { seedProtectedValues, readEverything } = await import("@/lib/keys/test-support");
    const { startRotation } = await import("@/lib/keys/rotation");
    const { inTenant } = await import("@/lib/core/tenancy/context");
    const { clearKeyCache } = await import("@/lib/core/crypto/key-cache");
    const { enqueue } = await import("./worker");
    const { idle } = await import("@/lib/core/actions/state");
    const { uploadImportAction } = await import("@/app/(console)/customers/import/actions");
    const { runImportAction } = await import("@/app/(console)/customers/import/[id]/actions");
    const { redirectOf } = await import("@/tests/action-outcome");

    // A rotation of 200 customers' values, one per batch (job data), so it is caught mid-way.
    const keysOrg = await createOrg();
    const { ids, imports, total } = await seedProtectedValues(keysOrg.orgId, 200);
    const before = await readEverything(keysOrg.orgId, ids, imports);
    const rotation = await inTenant(
      keysOrg.orgId,
      { type: "user", id: keysOrg.ownerId },
      startRotation,
    );
    const rotationOf = () =>
      withTenant(
        keysOrg.orgId,
        async (tx) =>
          (
            await tx
              .select()
              .from(keyRotations)
              .where(and(eq(keyRotations.orgId, keysOrg.orgId), eq(keyRotations.id, rotation.id)))
          )[0],
      );

    // An import of 4,000 rows (8 chunks) in another organisation, started as the console starts it.
    const importOrg = await createOrg();
    await actAs(await createMember(importOrg.orgId, "privacy_officer"), importOrg.orgId);
    const csv = `用户ID,姓名,手机号\n${Array.from({ length: 4_000 }, (_, i) => `kill-${i},客户${i},139${String(i).padStart(8, "0")}`).join("\n")}\n`;
    const upload = new FormData();
    upload.append("file", new File([csv], "客户.csv", { type: "text/csv" }));
    upload.append("encoding", "utf-8");
    const importId = (await redirectOf(uploadImportAction(idle, upload))).split("/").at(-1)!;
    const mapping = new FormData();
    for (const [field, value] of Object.entries({
      id: importId,
      externalRef: "0",
      displayName: "1",
      phone: "2",
    }))
      mapping.append(field, value);
    const importOf = () =>
      withTenant(
        importOrg.orgId,
        async (tx) =>
          (
            await tx
              .select()
              .from(customerImports)
              .where(
                and(eq(customerImports.orgId, importOrg.orgId), eq(customerImports.id, importId)),
              )
          )[0],
      );

    const first = await startWorkerProcess();
    await enqueue("key-rotation", { orgId: keysOrg.orgId, rotationId: rotation.id, batchSize: 1 });
    await redirectOf(runImportAction(idle, mapping)); // enqueues customer-import

    // Both under way: the worker is frozen, checked mid-way, then killed outright.
    await until(
      async () => [(await rotationOf()).done, (await importOf()).processedRows],
      ([done, processed]) => done > 0 && processed > 0,
      60_000,
    );
    first.kill("SIGSTOP");
    const midway = { rotation: await rotationOf(), import: await importOf() };
    expect(midway.rotation).toMatchObject({ status: "running" });
    expect(midway.rotation.done).toBeGreaterThan(0);
    expect(midway.rotation.done).toBeLessThan(total);
    expect(midway.import).toMatchObject({ status: "running" });
    expect(midway.import.processedRows).toBeGreaterThan(0);
    expect(midway.import.processedRows).toBeLessThan(4_000);
    const exited = once(first, "exit");
    first.kill("SIGKILL");
    await exited;

    const restarted = Date.now();
    await startWorkerProcess();
    const finished = await until(
      async () => [(await rotationOf()).status, (await importOf()).status],
      (s) => s.every((status) => status === "completed"),
      60_000,
    );
    expect(finished).toEqual(["completed", "completed"]);
    expect(Date.now() - restarted).toBeLessThan(60_000);
    // pg-boss still holds the killed deliveries as active (its 15-minute expiry): the leases resumed them.
    expect(await deliveries("key-rotation")).toEqual(["active"]);
    expect(await deliveries("customer-import")).toEqual(["active"]);

    // Nothing twice: every value moved and counted once, readable as before; each row imported once.
    expect(await rotationOf()).toMatchObject({ done: total, total });
    clearKeyCache();
    expect(await readEverything(keysOrg.orgId, ids, imports)).toEqual(before);
    const keyEvents = await withTenant(keysOrg.orgId, (tx) =>
      tx
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, keysOrg.orgId), sql`${auditEvents.action} like 'key.%'`)),
    );
    expect(keyEvents.filter((e) => e.action === "key.rotation_completed")).toHaveLength(1);
    expect(await importOf()).toMatchObject({
      processedRows: 4_000,
      importedRows: 4_000,
      errorRows: 0,
    });
    const imported = await withTenant(importOrg.orgId, (tx) =>
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(customers)
        .where(eq(customers.orgId, importOrg.orgId)),
    );
    expect(imported[0].n).toBe(4_000);
    const chunks = await withTenant(importOrg.orgId, (tx) =>
      tx
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.orgId, importOrg.orgId),
            eq(auditEvents.targetId, importId),
            eq(auditEvents.action, "customer.batch_upserted"),
          ),
        ),
    );
    expect(chunks).toHaveLength(8);
  }, 180_000);
});
