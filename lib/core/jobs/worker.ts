import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/core/env";
import { loadJobs } from "@/lib/modules";

const globalForBoss = globalThis as unknown as { boss?: PgBoss };

/**
 * Starts pg-boss on the application database (its own `pgboss` schema), creates each queue,
 * installs the schedules and subscribes the handlers. Safe to call twice in one process.
 */
export async function startWorker(): Promise<PgBoss> {
  if (globalForBoss.boss) return globalForBoss.boss;
  const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: "pgboss" });
  boss.on("error", (error) => console.error("job queue error", { name: error.name, message: error.message }));
  await boss.start();
  for (const job of await loadJobs()) {
    await boss.createQueue(job.name);
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    // pg-boss 10 runs one job at a time per work() subscription: WORKER_CONCURRENCY of them per queue.
    for (let i = 0; i < env().WORKER_CONCURRENCY; i++) {
      await boss.work(job.name, async ([delivery]) => job.run((delivery?.data ?? {}) as Record<string, unknown>));
    }
  }
  globalForBoss.boss = boss;
  return boss;
}

/** Sends a job now (e.g. a "run now" button); the worker picks it up. */
export async function enqueue(name: string, data: Record<string, unknown> = {}): Promise<void> {
  const boss = await startWorker();
  await boss.send(name, data);
}

export async function stopWorker(): Promise<void> {
  await globalForBoss.boss?.stop({ graceful: true, wait: true });
  globalForBoss.boss = undefined;
}
