import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { appDb, type Executor } from "@/db/client";
import { jobLeases } from "@/db/schema";
import { log } from "@/lib/core/log/logger";

/**
 * A resumable job's item is held by one runner at a time under a lease that its heartbeat renews
 * every LEASE_HEARTBEAT_SECONDS. A runner that dies (SIGKILL, power cut) stops renewing it: the
 * lease expires within LEASE_SECONDS and any worker's recovery (worker.ts, every
 * LEASE_HEARTBEAT_SECONDS) takes the item over and resumes it from its last committed step, so an
 * interrupted job resumes within a minute of a worker running again — not after pg-boss's
 * 15-minute expiry.
 */
export const LEASE_SECONDS = 20;
export const LEASE_HEARTBEAT_SECONDS = 5;

export interface Lease {
  readonly job: string;
  readonly key: string;
  readonly data: Record<string, unknown>;
  readonly holder: string;
  /**
   * False once the runner should stop at its next checkpoint: the lease was lost (another worker
   * took the item over after this one missed its heartbeats) or this worker is stopping.
   */
  held: () => boolean;
}

interface HeldLease extends Lease {
  lost: boolean;
  stopping: boolean;
}

const globalForLeases = globalThis as unknown as { heldLeases?: Set<HeldLease> };
const held = () => (globalForLeases.heldLeases ??= new Set());

const lease = (row: {
  job: string;
  key: string;
  data: Record<string, unknown>;
  holder: string;
}): HeldLease => {
  const l: HeldLease = { ...row, lost: false, stopping: false, held: () => !l.lost && !l.stopping };
  return l;
};
const expiry = sql`now() + make_interval(secs => ${LEASE_SECONDS})`;

/**
 * Takes the item if nobody holds it, or if its holder stopped renewing it (the lease expired).
 * Undefined when a live runner holds it: it is being worked on.
 */
export async function claimLease(
  job: string,
  key: string,
  data: Record<string, unknown>,
): Promise<Lease | undefined> {
  const holder = randomUUID();
  const [row] = await appDb()
    .insert(jobLeases)
    .values({ job, key, data, holder, expiresAt: expiry })
    .onConflictDoUpdate({
      target: [jobLeases.job, jobLeases.key],
      set: {
        data,
        holder,
        expiresAt: expiry,
        claimedAt: sql`now()`,
        takeovers: sql`${jobLeases.takeovers} + 1`,
      },
      setWhere: lt(jobLeases.expiresAt, sql`now()`),
    })
    .returning({
      job: jobLeases.job,
      key: jobLeases.key,
      data: jobLeases.data,
      holder: jobLeases.holder,
    });
  return row ? lease(row) : undefined;
}

/** Takes over up to `limit` items whose runners died (their leases expired), each under a new claim. */
export async function takeExpiredLeases(limit = 10): Promise<Lease[]> {
  const rows = await appDb().execute<{
    job: string;
    key: string;
    data: Record<string, unknown>;
    holder: string;
  }>(sql`
    update job_leases l set holder = gen_random_uuid(), expires_at = ${expiry}, claimed_at = now(), takeovers = l.takeovers + 1
    from (select job, key from job_leases where expires_at < now() order by expires_at limit ${limit} for update skip locked) expired
    where l.job = expired.job and l.key = expired.key
    returning l.job, l.key, l.data, l.holder`);
  return rows.rows.map(lease);
}

/** Whether a live runner holds the item (its lease exists and has not expired). */
export async function leaseIsLive(executor: Executor, job: string, key: string): Promise<boolean> {
  const rows = await executor.execute(
    sql`select 1 from job_leases where job = ${job} and key = ${key} and expires_at > now()`,
  );
  return rows.rows.length > 0;
}

/** Renews every lease this process holds; one it no longer holds is marked lost (its runner stops). */
async function renew(): Promise<void> {
  for (const l of held()) {
    const renewed = await appDb()
      .update(jobLeases)
      .set({ expiresAt: expiry })
      .where(
        and(eq(jobLeases.job, l.job), eq(jobLeases.key, l.key), eq(jobLeases.holder, l.holder)),
      )
      .returning({ holder: jobLeases.holder });
    if (renewed.length === 0) l.lost = true;
  }
}

let renewing: Promise<void> | undefined;
/** The leases' heartbeat: renews them all (one pass at a time; a failed pass is retried at the next beat). */
export function renewLeases(): Promise<void> {
  renewing ??= renew()
    .catch((error: Error) => log.error({ err: error }, "job lease renewal failed"))
    .finally(() => (renewing = undefined));
  return renewing;
}

// One heartbeat per process while it holds any lease.
let heartbeat: NodeJS.Timeout | undefined;
function hold(l: HeldLease) {
  held().add(l);
  heartbeat ??= setInterval(() => void renewLeases(), LEASE_HEARTBEAT_SECONDS * 1000);
}
function letGo(l: HeldLease) {
  held().delete(l);
  if (held().size === 0 && heartbeat) {
    clearInterval(heartbeat);
    heartbeat = undefined;
  }
}

/**
 * Runs `work` under the claimed lease, renewing it every LEASE_HEARTBEAT_SECONDS. When the work
 * ends the lease is released — or, if the work stopped at a checkpoint because this worker is
 * stopping, handed over: expired at once, so the next worker to look resumes the item.
 */
export async function holdLease<T>(claimed: Lease, work: (lease: Lease) => Promise<T>): Promise<T> {
  const l = claimed as HeldLease;
  hold(l);
  try {
    return await work(l);
  } finally {
    letGo(l);
    const mine = and(
      eq(jobLeases.job, l.job),
      eq(jobLeases.key, l.key),
      eq(jobLeases.holder, l.holder),
    );
    const release = l.stopping
      ? appDb()
          .update(jobLeases)
          .set({ expiresAt: sql`now()` })
          .where(mine)
      : appDb().delete(jobLeases).where(mine);
    // Not released (database gone): the lease expires by itself and the item is taken over.
    await release.catch((error: Error) =>
      log.error({ job: l.job, err: error }, "job lease release failed"),
    );
  }
}

/** Claims the item and runs `work` under its lease; "held" when a live runner has it already. */
export async function runLeased<T>(
  job: string,
  key: string,
  data: Record<string, unknown>,
  work: (lease: Lease) => Promise<T>,
): Promise<T | "held"> {
  const claimed = await claimLease(job, key, data);
  if (!claimed) return "held";
  return holdLease(claimed, work);
}

/** Asks every runner in this process to stop at its next checkpoint (the worker is stopping). */
export function stopHeldLeases(): void {
  for (const l of held()) l.stopping = true;
}
