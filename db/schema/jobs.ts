import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Who is running a resumable job's item now (lib/core/jobs/lease.ts): one row per item while it
 * is worked on, renewed by its runner's heartbeat; a row whose `expires_at` has passed belongs to
 * a runner that died, and any worker takes it over. Global, like pg-boss's own tables (it holds
 * the job's payload: ids only, never personal data), so one query finds every expired lease.
 */
export const jobLeases = pgTable(
  "job_leases",
  {
    job: text("job").notNull(),
    /** The item's key within the job (e.g. organisation and rotation ids). */
    key: text("key").notNull(),
    /** The job's payload, to run it again (ids only). */
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    /** The claim: a new one each time the item is taken, so a runner knows when it lost it. */
    holder: uuid("holder").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    /** How many times the item was taken over from a runner that died. */
    takeovers: integer("takeovers").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.job, t.key] }), index("job_leases_expires_idx").on(t.expiresAt)],
);

/**
 * One row per running worker (the server's in-process one, or `npm run worker`), its `beat_at`
 * renewed every few seconds: what /api/ready reads to know that jobs are being run.
 */
export const workerHeartbeats = pgTable("worker_heartbeats", {
  id: uuid("id").primaryKey(),
  /** `server` (inside a web server) or `worker` (`npm run worker`). */
  kind: text("kind").notNull(),
  host: text("host").notNull(),
  pid: integer("pid").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  beatAt: timestamp("beat_at", { withTimezone: true }).notNull().defaultNow(),
});
