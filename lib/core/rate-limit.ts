import "server-only";
import { createHmac } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { env } from "@/lib/core/env";

/** A stable, non-reversible bucket key: raw IPs and emails never reach the database. */
export function rateLimitKey(kind: string, value: string): string {
  return `${kind}:${createHmac("sha256", env().NEXTAUTH_SECRET).update(`${kind}\0${value}`).digest("base64url")}`;
}

/** What else the hit's round trip carries. */
export interface HitOptions {
  /** An expression evaluated once in the same statement (e.g. a function call). */
  also?: SQL;
  /**
   * The transaction writes nothing that must survive a crash (counters, a last-used stamp): its
   * commit does not wait for the WAL flush.
   */
  asyncCommit?: boolean;
}

/**
 * Counts one hit in a fixed window shared by every server; true while under the limit. In a
 * transaction the window's row stays locked until it ends; given the pool, only while the
 * statement runs.
 */
export async function allowHit(db: Executor, key: string, limit: number, windowSeconds: number, options: HitOptions = {}): Promise<boolean> {
  const extra = [options.also, options.asyncCommit ? sql`set_config('synchronous_commit', 'off', true)` : undefined].filter((e) => e !== undefined);
  const result = await db.execute<{ count: number }>(sql`
    with hit as (
      insert into rate_limit_buckets (key, window_start, count)
      values (${key}, to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}), 1)
      on conflict (key, window_start) do update set count = rate_limit_buckets.count + 1
      returning count
    )
    select count${sql.join(extra.map((e) => sql`, ${e}`))} from hit`);
  return Number(result.rows[0].count) <= limit;
}
