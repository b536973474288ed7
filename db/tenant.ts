import "server-only";
import { sql } from "drizzle-orm";
import { appDb, type Tx } from "./client";

/** Points the current transaction at an organisation; RLS policies read `app.org_id`. */
export async function enterTenant(tx: Tx, orgId: string, userId?: string): Promise<void> {
  await tx.execute(
    sql`select set_config('app.org_id', ${orgId}, true), set_config('app.user_id', ${userId ?? ""}, true)`,
  );
}

/**
 * Runs `fn` in one transaction scoped to an organisation. set_config(..., true) binds the scope
 * to this transaction only and is passed as a parameter, never interpolated.
 */
export async function withTenant<T>(
  orgId: string,
  fn: (tx: Tx) => Promise<T>,
  userId?: string,
): Promise<T> {
  return appDb().transaction(async (tx) => {
    await enterTenant(tx, orgId, userId);
    return fn(tx);
  });
}

/** A transaction with no organisation: only global tables and the user's own memberships. */
export async function withoutTenant<T>(fn: (tx: Tx) => Promise<T>, userId?: string): Promise<T> {
  return appDb().transaction(async (tx) => {
    // Transaction-local settings end with the transaction, so without a user there is nothing to set.
    if (userId) await tx.execute(sql`select set_config('app.user_id', ${userId}, true)`);
    return fn(tx);
  });
}

const DEADLOCK_DETECTED = "40P01";

/** PostgreSQL's SQLSTATE of a failed query, whether thrown by pg or wrapped by drizzle (as `cause`). */
export const pgErrorCode = (error: unknown): string | undefined =>
  (error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;

/** A unique constraint refused the write (typically a concurrent request made the same row). */
export const isUniqueViolation = (error: unknown) => pgErrorCode(error) === "23505";

/** Socket errors of a database that cannot be reached, and pg's own words for a dropped connection. */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
]);
const DROPPED =
  /^Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;

/**
 * The database is down, restarting or out of connections: an outage to answer with 503 and
 * Retry-After, not a bug to answer with 500. SQLSTATE class 08 (connection exception), 57P01–03
 * (shut down, crashed, not accepting connections yet) and 53300 (too many connections).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = pgErrorCode(error);
  if (
    code &&
    (UNREACHABLE.has(code) ||
      code.startsWith("08") ||
      ["57P01", "57P02", "57P03", "53300"].includes(code))
  )
    return true;
  const message = (error as Error)?.message ?? (error as { cause?: Error })?.cause?.message ?? "";
  return DROPPED.test(message) || DROPPED.test((error as { cause?: Error })?.cause?.message ?? "");
}

/**
 * Runs a whole transaction again (up to `attempts` times in all) when PostgreSQL chose it as the
 * victim of a deadlock — for writes that lock rows in an order other writers may not share (a
 * consent batch locks state rows, then the audit chain). Only for a transaction that can simply be
 * run again: nothing of the failed attempt was committed.
 */
export async function retryingDeadlocks<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (pgErrorCode(error) !== DEADLOCK_DETECTED || attempt >= attempts) throw error;
    }
  }
}
