import { sql } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { appDb, closeAppDb } from "@/db/client";
import { workerHeartbeats } from "@/db/schema";
import { GET } from "@/app/api/ready/route";
import { registerWorker, unregisterWorker } from "./jobs/heartbeat";
import { readiness } from "./readiness";

afterAll(async () => {
  await unregisterWorker();
  await closeAppDb();
});
beforeEach(async () => {
  await unregisterWorker();
  await appDb().delete(workerHeartbeats);
});

const staleAll = () =>
  appDb()
    .update(workerHeartbeats)
    .set({ beatAt: sql`now() - interval '1 minute'` });

async function asOwner(statement: string) {
  const owner = new Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
  await owner.query(statement);
  await owner.end();
}

describe("/api/ready", () => {
  it("with the worker apart (npm run worker): ready while any worker's heartbeat is fresh, 503 problem+json when none is", async () => {
    const down = await GET();
    expect(down.status).toBe(503);
    expect(down.headers.get("content-type")).toBe("application/problem+json");
    expect(down.headers.get("retry-after")).toBe("5");
    expect(await down.json()).toMatchObject({
      type: "urn:privacy-desk:problem:unavailable",
      status: 503,
      detail: "Not ready: worker.",
      checks: { database: "ok", migrations: "ok", worker: "failing" },
    });

    await registerWorker("worker");
    const up = await GET();
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({
      status: "ready",
      checks: { database: "ok", migrations: "ok", worker: "ok" },
    });

    // The worker died: its last heartbeat grows old.
    await staleAll();
    expect(await readiness(false)).toMatchObject({ ready: false, checks: { worker: "failing" } });
  });

  it("with the worker in the server: ready only on this process's own worker's heartbeat", async () => {
    // Another process's worker is alive, this server's own is not running (it failed to start).
    await appDb()
      .insert(workerHeartbeats)
      .values({ id: crypto.randomUUID(), kind: "worker", host: "elsewhere", pid: 1 });
    expect(await readiness(false)).toMatchObject({ ready: true });
    expect(await readiness(true)).toMatchObject({ ready: false, checks: { worker: "failing" } });
    const own = await registerWorker("server");
    expect(await readiness(true)).toMatchObject({ ready: true });
    await appDb()
      .update(workerHeartbeats)
      .set({ beatAt: sql`now() - interval '1 minute'` })
      .where(sql`id = ${own}`);
    expect(await readiness(true)).toMatchObject({ ready: false, checks: { worker: "failing" } });
  });

  it("is not ready while a migration this build ships is not applied", async () => {
    await registerWorker("worker");
    await asOwner(
      "update drizzle.__drizzle_migrations set created_at = created_at - 1 where created_at = (select max(created_at) from drizzle.__drizzle_migrations)",
    );
    try {
      expect(await readiness(false)).toEqual({
        ready: false,
        checks: { database: "ok", migrations: "failing", worker: "ok" },
      });
    } finally {
      await asOwner(
        "update drizzle.__drizzle_migrations set created_at = created_at + 1 where created_at = (select max(created_at) from drizzle.__drizzle_migrations)",
      );
    }
    expect(await readiness(false)).toMatchObject({ ready: true });
  });
});
