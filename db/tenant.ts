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
    await tx.execute(sql`select set_config('app.user_id', ${userId ?? ""}, true)`);
    return fn(tx);
  });
}
