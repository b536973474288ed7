import "server-only";
import { sql } from "drizzle-orm";
import { appDb, type Tx } from "./client";

/** Points the current transaction at an organisation; RLS policies read `app.org_id`. */
export async function enterTenant(tx: Tx, orgId: string, userId?: string): Promise<void> {
  await tx.execute(sql`select set_config('app.org_id', ${orgId}, true), set_config('app.user_id', ${userId ?? ""}, true)`);
}

/**
 * Runs `fn` in one transaction scoped to an organisation. set_config(..., true) binds the scope
 * to this transaction only and is passed as a parameter, never interpolated.
 */
export async function withTenant<T>(orgId: string, fn: (tx: Tx) => Promise<T>, userId?: string): Promise<T> {
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
