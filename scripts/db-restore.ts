/**
 * `npm run db:restore -- FILE [--replace]`: restores a backup from `npm run db:backup` into the
 * embedded default's data directory (.data/postgres, or PD_DATA_DIR/postgres). The secrets must
 * be the ones kept with the backup (the environment, else .data/dev-secrets.json): it refuses
 * others. An existing database is only replaced with --replace, and then moved aside, not
 * deleted. The next `npm start` replays the backup's WAL and serves it.
 */
import { existsSync, renameSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { describeBackup, restoreBackup } from "@/db/backup/restore";
import { runningPostmaster } from "@/db/leftover-postmaster";
import { loadDevSecrets } from "@/lib/core/env/dev-secrets";

if (existsSync(".env")) process.loadEnvFile(".env");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { replace: { type: "boolean", default: false } },
});
const file = positionals[0];
if (!file || !existsSync(file)) {
  console.error("Usage: npm run db:restore -- BACKUP.tar.gz [--replace]");
  process.exit(1);
}
if (process.env.DATABASE_URL) {
  console.error(
    "DATABASE_URL is set: this restores the embedded default only. Restore an external PostgreSQL with its own tools (docs/operations.md).",
  );
  process.exit(1);
}
const dataRoot = process.env.PD_DATA_DIR ?? ".data";
const dataDir = resolve(dataRoot, "postgres");
if (runningPostmaster(dataDir)) {
  console.error(`The embedded database in ${dataDir} is running: stop Privacy Desk first.`);
  process.exit(1);
}
if (existsSync(join(dataDir, "PG_VERSION"))) {
  if (!values.replace) {
    console.error(
      `${dataDir} already holds a database. Run again with --replace to move it aside and restore.`,
    );
    process.exit(1);
  }
  const aside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  renameSync(dataDir, aside);
  console.log(`Moved the current database aside to ${aside}.`);
}
const devSecrets = join(dataRoot, "dev-secrets.json");
if (!process.env.MASTER_KEY && !existsSync(devSecrets)) {
  console.error(
    `No secrets: put the dev-secrets.json kept with the backup at ${devSecrets}, or set them in the environment.`,
  );
  process.exit(1);
}
loadDevSecrets(devSecrets);
try {
  console.log(await describeBackup(file));
  await restoreBackup({ file, dataDir, secrets: process.env });
  console.log(
    `Restored into ${dataDir}. Start Privacy Desk (npm start): PostgreSQL replays the backup's WAL on its first start.`,
  );
} catch (error) {
  console.error(`The restore failed: ${(error as Error).message}`);
  process.exit(1);
}
