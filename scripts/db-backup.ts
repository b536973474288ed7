/**
 * `npm run db:backup [-- --out FILE]`: an online physical backup of the embedded default
 * database (running or not) into a tar.gz, by default `.data/backups/privacy-desk-<time>.tar.gz`.
 * It lists the secrets to keep with it and contains none of them. For an external PostgreSQL
 * (DATABASE_URL set) it says what to use instead: docs/operations.md.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { takePhysicalBackup } from "@/db/backup/backup";
import { describeBackup } from "@/db/backup/restore";
import { startEmbeddedPostgres } from "@/db/embedded";
import { runningPostmaster } from "@/db/leftover-postmaster";
import { loadDevSecrets } from "@/lib/core/env/dev-secrets";

if (existsSync(".env")) process.loadEnvFile(".env");
const { values } = parseArgs({ options: { out: { type: "string" } } });

if (process.env.DATABASE_URL) {
  console.error(
    "DATABASE_URL is set: back up an external PostgreSQL with its own tools (pg_dump of the same major version, or pgBackRest for point-in-time recovery). See docs/operations.md.",
  );
  process.exit(1);
}
const dataRoot = process.env.PD_DATA_DIR ?? ".data";
const dataDir = resolve(dataRoot, "postgres");
if (!existsSync(join(dataDir, "PG_VERSION"))) {
  console.error(
    `No embedded database in ${dataDir}: start the app once (npm run dev or npm start), or set PD_DATA_DIR.`,
  );
  process.exit(1);
}
const secrets = loadDevSecrets(join(dataRoot, "dev-secrets.json"));
const password = encodeURIComponent(secrets.POSTGRES_PASSWORD!);
const out = resolve(
  values.out ??
    join(
      dataRoot,
      "backups",
      `privacy-desk-${new Date().toISOString().replace(/[:.]/g, "-")}.tar.gz`,
    ),
);
mkdirSync(resolve(out, ".."), { recursive: true });

// A running server is backed up online; a stopped one is started for the backup and stopped again.
const running = runningPostmaster(dataDir);
const started = running
  ? undefined
  : await startEmbeddedPostgres({
      dataDir,
      password: secrets.POSTGRES_PASSWORD!,
      persistent: true,
      ownStop: true,
    });
const ownerUrl = started
  ? started.url("postgres")
  : `postgres://postgres:${password}@127.0.0.1:${running!.port}/postgres`;
try {
  await takePhysicalBackup({ ownerUrl, dataDir, outFile: out, secrets: process.env });
  console.log(`Backup written to ${out}.\n${await describeBackup(out)}`);
} catch (error) {
  console.error(`The backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await started?.stop();
}
