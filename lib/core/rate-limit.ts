import "server-only";
import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { env } from "@/lib/core/env";

/** A stable, non-reversible bucket key: raw IPs and emails never reach the database. */
export function rateLimitKey(kind: string, value: string): string {
  return `${kind}:${createHmac("sha256", env().NEXTAUTH_SECRET).update(`${kind}\0${value}`).digest("base64url")}`;
}

/**
 * Counts one hit in a fixed window shared by every server (`rate_limit_hit` in db/security.sql);
 * true while under the limit. In a transaction the window's row stays locked until it ends; given
 * the pool, only while the statement runs.
 */
export async function allowHit(
  db: Executor,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<boolean> {
  const result = await db.execute<{ count: number }>(
    sql`select rate_limit_hit(${key}, ${windowSeconds}) as count`,
  );
  return Number(result.rows[0].count) <= limit;
}
