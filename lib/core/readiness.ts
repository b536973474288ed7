import "server-only";
import { sql } from "drizzle-orm";
import { appDb } from "@/db/client";
import journal from "@/db/migrations/meta/_journal.json";
import { env } from "@/lib/core/env";
import { runningWorkerId, workerIsFresh } from "@/lib/core/jobs/heartbeat";

export type Check = "ok" | "failing";
export interface Readiness {
  ready: boolean;
  checks: { database: Check; migrations: Check; worker: Check };
}

/** The last migration this build ships (drizzle records each applied one by its folder's timestamp). */
const LAST_MIGRATION = Math.max(...journal.entries.map((e) => e.when));

/**
 * Whether this server can do all of its work (/api/ready), as opposed to being alive
 * (/api/health): the database answers; every migration this build ships is applied (a server of
 * a newer release waits for its migrations); and a worker runs jobs. With the worker inside the
 * server (WORKER_IN_SERVER, the default) that is this process's own worker, by its heartbeat in
 * the database; with the worker apart (WORKER_IN_SERVER=false, `npm run worker`), any worker's.
 */
export async function readiness(inServer = env().WORKER_IN_SERVER === "true"): Promise<Readiness> {
  const checks: Readiness["checks"] = {
    database: "failing",
    migrations: "failing",
    worker: "failing",
  };
  try {
    const db = appDb();
    await db.execute(sql`select 1`);
    checks.database = "ok";
    const applied = await db.execute<{ last: string | null }>(
      sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`,
    );
    if (Number(applied.rows[0]?.last ?? 0) >= LAST_MIGRATION) checks.migrations = "ok";
    const own = runningWorkerId();
    if (!inServer || own)
      checks.worker = (await workerIsFresh(db, inServer ? own : undefined)) ? "ok" : "failing";
  } catch {
    // The first check that could not be made stays failing, and so do the ones after it.
  }
  return { ready: Object.values(checks).every((c) => c === "ok"), checks };
}
