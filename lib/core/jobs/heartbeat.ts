import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { eq, sql } from "drizzle-orm";
import { appDb, type Executor } from "@/db/client";
import { workerHeartbeats } from "@/db/schema";

/** How often a running worker stamps its row, and how old a stamp may be while the worker counts as alive. */
export const WORKER_HEARTBEAT_SECONDS = 5;
export const WORKER_FRESH_SECONDS = 30;

export type WorkerKind = "server" | "worker";

/** This process's worker, while it runs (globalThis: one per process, as the pool and pg-boss). */
const globalForWorker = globalThis as unknown as { workerId?: string };
export const runningWorkerId = () => globalForWorker.workerId;

/** Registers this process's worker: a new id, its row written now. */
export async function registerWorker(kind: WorkerKind): Promise<string> {
  const id = randomUUID();
  await appDb().insert(workerHeartbeats).values({ id, kind, host: hostname(), pid: process.pid });
  globalForWorker.workerId = id;
  return id;
}

/** Stamps the worker's row (written again if it was removed, e.g. by another worker's pruning). */
export async function beat(id: string, kind: WorkerKind): Promise<void> {
  await appDb()
    .insert(workerHeartbeats)
    .values({ id, kind, host: hostname(), pid: process.pid })
    .onConflictDoUpdate({ target: workerHeartbeats.id, set: { beatAt: sql`now()` } });
  // Rows of workers gone for a day are dropped, so the table holds the workers of today.
  await appDb()
    .delete(workerHeartbeats)
    .where(sql`${workerHeartbeats.beatAt} < now() - interval '1 day'`);
}

/** The worker stopped cleanly: its row goes. */
export async function unregisterWorker(): Promise<void> {
  const id = globalForWorker.workerId;
  globalForWorker.workerId = undefined;
  if (id)
    await appDb()
      .delete(workerHeartbeats)
      .where(eq(workerHeartbeats.id, id))
      .catch(() => {});
}

/**
 * Whether a worker is alive: this one (`id`) or, without one, any, by a stamp younger than
 * WORKER_FRESH_SECONDS by the database's clock.
 */
export async function workerIsFresh(executor: Executor, id?: string): Promise<boolean> {
  const rows = await executor.execute(sql`select 1 from worker_heartbeats
    where beat_at > now() - make_interval(secs => ${WORKER_FRESH_SECONDS}) ${id ? sql`and id = ${id}` : sql``} limit 1`);
  return rows.rows.length > 0;
}
