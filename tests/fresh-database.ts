import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";

export interface FreshDatabase {
  url: string;
  drop: () => Promise<void>;
}

/**
 * A new, uniquely named, migrated database: on DATABASE_URL's server when it is set, otherwise
 * on a throw-away embedded server. Never reuses a database left behind by an earlier run.
 */
export async function createFreshDatabase(appPassword: string): Promise<FreshDatabase> {
  const name = `pd_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: join(tmpdir(), name), password: randomBytes(12).toString("hex"), persistent: false });
  const serverUrl = embedded ? embedded.url("postgres") : process.env.DATABASE_URL!;

  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString(), appPassword);

  return {
    url: url.toString(),
    drop: async () => {
      if (embedded) {
        // The whole throw-away server goes, data directory included (it may already be stopping).
        await embedded.stop().catch(() => {});
        await rm(join(tmpdir(), name), { recursive: true, force: true });
        return;
      }
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}
