import "server-only";
import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { env } from "@/lib/core/env";

/** A stable, non-reversible bucket key: raw IPs and emails never reach the database. */
export function rateLimitKey(kind: string, value: string): string {
  return `${kind}:${createHmac("sha256", env().NEXTAUTH_SECRET).update(`${kind}\0${value}`).digest("base64url")}`;
}

/** Counts one hit in a fixed window shared by every server; true while under the limit. */
export async function allowHit(tx: Tx, key: string, limit: number, windowSeconds: number): Promise<boolean> {
  const result = await tx.execute<{ count: number }>(sql`
    insert into rate_limit_buckets (key, window_start, count)
    values (${key}, to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}), 1)
    on conflict (key, window_start) do update set count = rate_limit_buckets.count + 1
    returning count`);
  return Number(result.rows[0].count) <= limit;
}
