import "server-only";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { env } from "@/lib/core/env";
import { watchPoolErrors } from "./pool-errors";
import * as schema from "./schema";
import { appDatabaseUrl } from "./urls";

export type Database = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Runs a statement: a transaction, or the pool (the statement in a transaction of its own). */
export type Executor = Pick<Tx, "execute">;

// The pool lives on globalThis: one per process, even when the application's modules are loaded
// twice in it (the production server's direct routes beside Next's bundle, server/production.ts)
// or reloaded (next dev). Each copy wraps it in its own drizzle instance, built for its own schema.
const globalForDb = globalThis as unknown as { appPool?: Pool };
let db: { pool: Pool; database: Database } | undefined;

/** The pool of the application role: not the owner, no BYPASSRLS, so every tenant row passes RLS. */
export function appDb(): Database {
  if (!globalForDb.appPool) {
    const { DATABASE_URL, DATABASE_APP_PASSWORD, DATABASE_POOL_MAX } = env();
    // Connections are kept, not closed after 10 idle seconds (pg's default): opening one costs a
    // SCRAM exchange and a server process, which a request waiting for it would pay (tens of ms).
    globalForDb.appPool = new Pool({
      connectionString: appDatabaseUrl(DATABASE_URL, DATABASE_APP_PASSWORD),
      max: DATABASE_POOL_MAX,
      idleTimeoutMillis: 0,
    });
    // A connection dropped by the server (restart, failover) must not crash the process.
    watchPoolErrors(globalForDb.appPool, "app-pool");
  }
  if (db?.pool !== globalForDb.appPool)
    db = { pool: globalForDb.appPool, database: drizzle({ client: globalForDb.appPool, schema }) };
  return db.database;
}

export async function closeAppDb(): Promise<void> {
  await globalForDb.appPool?.end();
  globalForDb.appPool = undefined;
  db = undefined;
}
