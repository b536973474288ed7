import "server-only";
import { createHmac } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { env } from "@/lib/core/env";

/** A stable, non-reversible bucket key: raw IPs and emails never reach the database. */
export function rateLimitKey(kind: string, value: string): string {
  return `${kind}:${createHmac("sha256", env().NEXTAUTH_SECRET).update(`${kind}\0${value}`).digest("base64url")}`;
}

/** What else the hit's round trip carries. */
export interface HitOptions {
  /** A statement with no result of its own, run in the same round trip. */
  alongside?: SQL;
  /**
   * The transaction writes nothing that must survive a crash (counters, a last-used stamp): its
   * commit does not wait for the WAL flush, so a slow disk never holds the bucket row locked.
   */
  asyncCommit?: boolean;
}

/** Counts one hit in a fixed window shared by every server; true while under the limit. */
export async function allowHit(tx: Tx, key: string, limit: number, windowSeconds: number, options: HitOptions = {}): Promise<boolean> {
  const hit = sql`insert into rate_limit_buckets (key, window_start, count)
    values (${key}, to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}), 1)
    on conflict (key, window_start) do update set count = rate_limit_buckets.count + 1
    returning count`;
  const asyncCommit = options.asyncCommit ? sql`, set_config('synchronous_commit', 'off', true)` : sql``;
  const result = await tx.execute<{ count: number }>(options.alongside
    ? sql`with hit as (${hit}), alongside as (${options.alongside}) select count${asyncCommit} from hit`
    : sql`with hit as (${hit}) select count${asyncCommit} from hit`);
  return Number(result.rows[0].count) <= limit;
}
