import "server-only";
import { Client } from "pg";
import PgBoss from "pg-boss";
import { env } from "@/lib/core/env";
import { loadJobs } from "@/lib/modules";
import {
  beat,
  registerWorker,
  unregisterWorker,
  WORKER_HEARTBEAT_SECONDS,
  type WorkerKind,
} from "./heartbeat";
import type { JobDefinition } from "./job";
import { holdLease, stopHeldLeases, takeExpiredLeases, type Lease } from "./lease";
import { log } from "@/lib/core/log/logger";

interface Running {
  boss: PgBoss;
  kind: WorkerKind;
  id: string;
  jobs: Map<string, JobDefinition>;
  tick: NodeJS.Timeout;
  ticking?: Promise<void>;
  takeovers: Set<Promise<unknown>>;
}

const globalForBoss = globalThis as unknown as {
  worker?: Running;
  starting?: Promise<Running>;
  sender?: Promise<PgBoss>;
};

const newBoss = (options: Partial<PgBoss.ConstructorOptions> = {}) => {
  const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: "pgboss", ...options });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  return boss;
};

/** Resumes an item whose runner died, under the lease just taken over; logged by job name only. */
function resume(worker: Running, lease: Lease) {
  const job = worker.jobs.get(lease.job);
  const run = job?.resumable
    ? holdLease(lease, (held) => job.resumable!.run(lease.data, held))
    : holdLease(lease, async () =>
        log.error({ job: lease.job }, "a job lease names no resumable job"),
      );
  const taken = run
    .catch((error: Error) => log.error({ job: lease.job, err: error }, "resumed job failed"))
    .finally(() => worker.takeovers.delete(taken));
  worker.takeovers.add(taken);
}

/** Every WORKER_HEARTBEAT_SECONDS: the worker's heartbeat, then the items of dead runners, taken over. */
async function tick(worker: Running) {
  try {
    await beat(worker.id, worker.kind);
    for (const lease of await takeExpiredLeases()) resume(worker, lease);
  } catch (error) {
    // The database is away: the next tick tries again.
    log.error({ err: error }, "worker heartbeat failed");
  }
}

/**
 * Creates the queues (and schedules) one process at a time: pg-boss's createQueue run by several
 * processes at once on a fresh database deadlocks (two servers and a worker starting together).
 */
async function setUpQueues(boss: PgBoss, jobs: JobDefinition[], schedule: boolean): Promise<void> {
  const lock = new Client({ connectionString: env().DATABASE_URL });
  await lock.connect();
  try {
    await lock.query("select pg_advisory_lock(7265492)");
    for (const job of jobs) {
      await boss.createQueue(job.name);
      if (schedule && job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    }
  } finally {
    await lock.query("select pg_advisory_unlock(7265492)").catch(() => {});
    await lock.end();
  }
}

async function start(kind: WorkerKind): Promise<Running> {
  const boss = newBoss();
  await boss.start();
  const jobs = new Map<string, JobDefinition>();
  const all = await loadJobs();
  await setUpQueues(boss, all, true);
  for (const job of all) {
    jobs.set(job.name, job);
    // pg-boss 10 runs one job at a time per work() subscription: WORKER_CONCURRENCY of them per queue.
    for (let i = 0; i < env().WORKER_CONCURRENCY; i++) {
      await boss.work(job.name, async ([delivery]) =>
        job.run((delivery?.data ?? {}) as Record<string, unknown>),
      );
    }
  }
  const id = await registerWorker(kind);
  const worker: Running = {
    boss,
    kind,
    id,
    jobs,
    takeovers: new Set(),
    tick: setInterval(() => {
      worker.ticking ??= tick(worker).finally(() => (worker.ticking = undefined));
    }, WORKER_HEARTBEAT_SECONDS * 1000),
  };
  // At once: items left by a worker that died before this one started resume now.
  worker.ticking = tick(worker).finally(() => (worker.ticking = undefined));
  return worker;
}

/**
 * Starts the background worker in this process (`server`: inside the web server, `worker`:
 * `npm run worker`): pg-boss on the application database (its own `pgboss` schema), each queue
 * created, the schedules installed, the handlers subscribed; then its heartbeat, which also takes
 * over the items of workers that died (lease.ts). Safe to call twice in one process.
 */
export async function startWorker(kind: WorkerKind = "server"): Promise<PgBoss> {
  if (globalForBoss.worker) return globalForBoss.worker.boss;
  globalForBoss.starting ??= start(kind).finally(() => (globalForBoss.starting = undefined));
  globalForBoss.worker = await globalForBoss.starting;
  return globalForBoss.worker.boss;
}

/**
 * Sends a job now (e.g. a "run now" button); a worker picks it up. A process that runs no worker
 * (a web server beside `npm run worker`) sends through a pg-boss that only sends: it neither
 * runs jobs nor keeps the schedule.
 */
export async function enqueue(name: string, data: Record<string, unknown> = {}): Promise<void> {
  const boss = globalForBoss.worker?.boss ?? (await sender());
  await boss.send(name, data);
}

function sender(): Promise<PgBoss> {
  globalForBoss.sender ??= (async () => {
    const boss = newBoss({ supervise: false, schedule: false });
    await boss.start();
    // The workers create the queues; a sender started first makes them too (idempotent).
    await setUpQueues(boss, await loadJobs(), false);
    return boss;
  })().catch((error) => {
    globalForBoss.sender = undefined;
    throw error;
  });
  return globalForBoss.sender;
}

/**
 * Stops the worker after its current step: resumable jobs stop at their next checkpoint and hand
 * their items over (the next worker resumes them at once), the others finish; then its row goes.
 */
export async function stopWorker(): Promise<void> {
  const worker = globalForBoss.worker ?? (await globalForBoss.starting?.catch(() => undefined));
  globalForBoss.worker = undefined;
  const sender = globalForBoss.sender;
  globalForBoss.sender = undefined;
  await (await sender?.catch(() => undefined))?.stop({ graceful: false, wait: true });
  if (!worker) return;
  clearInterval(worker.tick);
  stopHeldLeases();
  await worker.ticking;
  stopHeldLeases(); // leases taken over by that last tick
  await Promise.all(worker.takeovers);
  await worker.boss.stop({ graceful: true, wait: true });
  await unregisterWorker();
}
