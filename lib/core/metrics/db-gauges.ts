import "server-only";
import { sql } from "drizzle-orm";
import { appDb } from "@/db/client";
import { CHECKPOINT_OVERDUE_MS } from "@/lib/core/audit/chain-health";
import { todayIso } from "@/lib/core/dates";
import { log } from "@/lib/core/log/logger";
import { metrics } from "./registry";

const SLA_STATES = ["overdue", "paused", "not_started", "in_time"] as const;

/**
 * Reads the gauges that live in the database, at scrape time, across organisations: one
 * statement each, through SECURITY DEFINER functions that return counts only (db/security.sql),
 * so the app role still sees no organisation's rows. When the database cannot be read, the
 * gauges keep their last values and pd_database_up says 0.
 */
export async function refreshDatabaseGauges(now = new Date()): Promise<void> {
  const m = metrics();
  try {
    const db = appDb();
    const queues = await db.execute<{
      queue: string;
      state: string;
      n: string;
      oldest_seconds: number;
    }>(sql`select * from metrics_job_queues()`);
    const requests = await db.execute<{ sla: string; n: string }>(
      sql`select * from metrics_open_requests(${todayIso(now)}::date)`,
    );
    const checkpoints = await db.execute<{ n: string }>(
      sql`select metrics_overdue_checkpoints(${new Date(now.getTime() - CHECKPOINT_OVERDUE_MS).toISOString()}::timestamptz) as n`,
    );

    m.jobQueueDepth.reset();
    m.jobQueueOldest.reset();
    for (const row of queues.rows)
      m.jobQueueDepth.set({ queue: row.queue, state: row.state }, Number(row.n));
    const oldest = new Map<string, number>();
    for (const row of queues.rows)
      oldest.set(row.queue, Math.max(oldest.get(row.queue) ?? 0, Number(row.oldest_seconds)));
    for (const [queue, seconds] of oldest) m.jobQueueOldest.set({ queue }, seconds);
    const open = new Map(requests.rows.map((row) => [row.sla, Number(row.n)]));
    for (const sla of SLA_STATES) m.openRequests.set({ sla }, open.get(sla) ?? 0);
    m.overdueCheckpoints.set(Number(checkpoints.rows[0].n));
    m.databaseUp.set(1);
  } catch (error) {
    m.databaseUp.set(0);
    log.warn({ err: error }, "metrics could not read the database");
  }
}
