import { readFile } from "node:fs/promises";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Client, escapeLiteral } from "pg";
import { APP_ROLE } from "./urls";

const here = new URL(".", import.meta.url);

/**
 * Applies committed migrations as the owner, then the idempotent security layer (roles, grants,
 * forced RLS), then sets the application role's password from the environment.
 */
export async function migrateDatabase(ownerUrl: string, appPassword: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // Serialise concurrent starters (several servers, or tests) on one lock.
    await client.query("select pg_advisory_lock(7265491)");
    await migrate(drizzle({ client }), { migrationsFolder: new URL("migrations", here).pathname });
    await client.query(await readFile(new URL("security.sql", here), "utf8"));
    await setAppRolePassword(client, appPassword);
    const db = (await client.query("select current_database() as name")).rows[0].name as string;
    await client.query(`GRANT CONNECT ON DATABASE "${db.replaceAll('"', '""')}" TO ${APP_ROLE}`);
  } finally {
    await client.query("select pg_advisory_unlock(7265491)").catch(() => {});
    await client.end();
  }
}

/**
 * Sets the application role's password. The role is the cluster's, shared by every database on
 * it, so starters migrating other databases at the same instant (test runs, several servers)
 * may update its row together; PostgreSQL then refuses the later one with "tuple concurrently
 * updated" once the first commits. The advisory lock above is per database and cannot prevent
 * that, so the statement is repeated: it sets the same value, and the next try finds no rival.
 */
export async function setAppRolePassword(client: Client, appPassword: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`ALTER ROLE ${APP_ROLE} PASSWORD ${escapeLiteral(appPassword)}`);
      return;
    } catch (error) {
      const concurrent = error instanceof Error && error.message === "tuple concurrently updated";
      if (!concurrent || attempt === 5) throw error;
    }
  }
}
