import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Client } from "pg";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";

/** The committed migrations (drizzle-kit's folder). */
export const migrationsFolder = new URL("../db/migrations", import.meta.url).pathname;

export interface FreshDatabaseOptions {
  /**
   * Applies the committed migrations only up to (not including) this tag, as the owner and without
   * the security layer: for a test that writes rows as they were before a migration and then runs it
   * (`migrate` over `migrationsFolder`).
   */
  upTo?: string;
}

/** Applies the migrations before `tag` from a copy of the folder whose journal ends there. */
async function migrateBefore(ownerUrl: string, tag: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "pd-migrations-"));
  const client = new Client({ connectionString: ownerUrl });
  try {
    cpSync(migrationsFolder, dir, { recursive: true });
    const journal = JSON.parse(readFileSync(join(dir, "meta/_journal.json"), "utf8")) as {
      entries: Array<{ tag: string }>;
    };
    const end = journal.entries.findIndex((e) => e.tag === tag);
    if (end < 0) throw new Error(`no migration ${tag}`);
    journal.entries = journal.entries.slice(0, end);
    writeFileSync(join(dir, "meta/_journal.json"), JSON.stringify(journal));
    await client.connect();
    await migrate(drizzle({ client }), { migrationsFolder: dir });
  } finally {
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface FreshDatabase {
  url: string;
  drop: () => Promise<void>;
}

/**
 * A new, uniquely named, migrated database: on DATABASE_URL's server when it is set, otherwise
 * on a throw-away embedded server. Never reuses a database left behind by an earlier run.
 */
export async function createFreshDatabase(
  appPassword: string,
  options: FreshDatabaseOptions = {},
): Promise<FreshDatabase> {
  const name = `pd_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: join(tmpdir(), name),
        password: randomBytes(12).toString("hex"),
        persistent: false,
      });
  const serverUrl = embedded ? embedded.url("postgres") : process.env.DATABASE_URL!;

  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  if (options.upTo) await migrateBefore(url.toString(), options.upTo);
  else await migrateDatabase(url.toString(), appPassword);

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
