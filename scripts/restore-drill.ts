/**
 * `npm run db:restore-drill -- FILE [--api-token pdk_…]`: proves a backup restores. It unpacks
 * the backup into a scratch directory, starts PostgreSQL on it (replaying its WAL), and checks it
 * as the application would: migrations current, every audit chain intact, customers decrypt, and
 * an API key works when one is given. Then it stops and deletes the scratch copy. Secrets come
 * from the environment, else the embedded default's .data/dev-secrets.json. Exit 0 only if
 * every check passed.
 */
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { restoreBackup } from "@/db/backup/restore";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/db/embedded";

if (existsSync(".env")) process.loadEnvFile(".env");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "api-token": { type: "string" } },
});
const file = positionals[0];
if (!file || !existsSync(file)) {
  console.error("Usage: npm run db:restore-drill -- BACKUP.tar.gz [--api-token pdk_…]");
  process.exit(1);
}
const devSecrets = join(process.env.PD_DATA_DIR ?? ".data", "dev-secrets.json");
if (!process.env.MASTER_KEY && existsSync(devSecrets))
  (await import("@/lib/core/env/dev-secrets")).loadDevSecrets(devSecrets);

const scratch = await mkdtemp(join(tmpdir(), "pd-restore-drill-"));
await chmod(scratch, 0o755); // as root, PostgreSQL runs as the `postgres` user and must reach it
let server: EmbeddedServer | undefined;
let failed = true;
try {
  const dataDir = join(scratch, "postgres");
  await restoreBackup({ file, dataDir, secrets: process.env });
  server = await startEmbeddedPostgres({
    dataDir,
    password: process.env.POSTGRES_PASSWORD ?? "",
    persistent: true,
    ownStop: true,
  });
  process.env.DATABASE_URL = server.url("privacy_desk");
  // Migrating a current database changes nothing; an older backup is brought up to this version.
  const { migrateDatabase } = await import("@/db/migrate");
  await migrateDatabase(process.env.DATABASE_URL, process.env.DATABASE_APP_PASSWORD ?? "");
  const { runDrillChecks } = await import("@/db/backup/drill-checks");
  const checks = await runDrillChecks(values["api-token"]);
  for (const check of checks)
    console.log(`${check.ok ? "ok  " : "FAIL"}  ${check.name}: ${check.detail}`);
  failed = checks.some((check) => !check.ok);
  console.log(failed ? "Restore drill FAILED." : "Restore drill passed.");
  const { closeAppDb } = await import("@/db/client");
  await closeAppDb();
} catch (error) {
  console.error(`Restore drill FAILED: ${(error as Error).message}`);
} finally {
  await server?.stop();
  await rm(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
