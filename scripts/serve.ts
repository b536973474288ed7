/**
 * Starts Privacy Desk: `tsx scripts/serve.ts dev|start`. With DATABASE_URL unset it runs the
 * embedded PostgreSQL in .data/postgres (PD_DATA_DIR moves it) (demo secrets generated beside it)
 * and seeds demo data on the first start. It validates the environment, migrates, then serves:
 * `start` runs the production server in this process (server/production.ts), `dev` runs
 * `next dev`. It stops the database cleanly when the app stops.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { Client } from "pg";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { loadDevSecrets } from "@/lib/core/env/dev-secrets";
import { parseEnv } from "@/lib/core/env/schema";
import { describeStartupFailure } from "./startup-failure";
import { log } from "@/lib/core/log/logger";

const mode = process.argv[2] === "start" ? "start" : "dev";
if (existsSync(".env")) process.loadEnvFile(".env");
const port = process.env.PORT ?? "3000";
Object.assign(process.env, {
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
});
// The environment is checked as the server will run: `start` is production.
if (mode === "start") Object.assign(process.env, { NODE_ENV: "production" });

async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = $1", [name]);
  if (exists.rowCount === 0) await client.query(`create database "${name}"`);
  await client.end();
}

async function main() {
  let stopDatabase = async () => {};
  const embedded = !process.env.DATABASE_URL;
  if (embedded) {
    const dataDir = process.env.PD_DATA_DIR ?? ".data";
    mkdirSync(dataDir, { recursive: true });
    const secrets = loadDevSecrets(`${dataDir}/dev-secrets.json`);
    const server = await startEmbeddedPostgres({
      dataDir: `${dataDir}/postgres`,
      password: secrets.POSTGRES_PASSWORD,
      persistent: true,
      ownStop: true,
    });
    stopDatabase = server.stop;
    await ensureDatabase(server.url("postgres"), "privacy_desk");
    process.env.DATABASE_URL = server.url("privacy_desk");
    log.info({ dataDir: `${dataDir}/postgres` }, "embedded PostgreSQL running");
    // The demo has no SMS provider: its outbox page shows the one-time codes (loopback only, see .env.example).
    const loopback = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(
      process.env.NEXTAUTH_URL!,
    );
    if (loopback && !process.env.OUTBOX_SHOW_BODIES) process.env.OUTBOX_SHOW_BODIES = "true";
  }

  let config;
  try {
    config = parseEnv(process.env);
  } catch (error) {
    // The variables' names and what is wrong with each, for a person (never their values).
    process.stderr.write(`${(error as Error).message}\n`);
    log.fatal({ reason: "invalid-environment" }, "start-up failed");
    await stopDatabase();
    process.exit(1);
  }
  await migrateDatabase(config.DATABASE_URL, config.DATABASE_APP_PASSWORD);
  const { closeAppDb } = await import("@/db/client");
  if (embedded) {
    const { seedIfEmpty } = await import("@/db/seed");
    await seedIfEmpty();
  }
  await replayErasures();
  await closeAppDb();

  if (mode === "start") {
    const { startProductionServer } = await import("@/server/production");
    const server = await startProductionServer({ port: Number(port) });
    log.info({ port: Number(port), mode }, "Privacy Desk listening");
    const shutdown = async () => {
      await server.close();
      await stopDatabase();
      process.exit(0);
    };
    process.once("SIGINT", () => void shutdown());
    process.once("SIGTERM", () => void shutdown());
    return;
  }
  // Next's own entry point, not `npx next`: npm does not pass signals on, and Next must get them.
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const next = spawn(process.execPath, [nextBin, "dev", "-p", port], {
    stdio: "inherit",
    env: process.env,
  });
  const shutdown = (signal: NodeJS.Signals) => next.kill(signal);
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  next.on("exit", async (code) => {
    await stopDatabase();
    process.exit(code ?? 0);
  });
}

main().catch((error) => {
  // What failed and what to do, for a person; the JSON line for the log collector.
  process.stderr.write(`${describeStartupFailure(error)}\n`);
  log.fatal({ err: error }, "start-up failed");
  process.exit(1);
});

/**
 * Before serving: customers erased after the backup this database was restored from are erased
 * again (the erasure ledger, lib/customers/erasure-replay.ts). Counts only, never ids, in the log.
 */
async function replayErasures() {
  const { replayErasureLedger } = await import("@/lib/customers/erasure-replay");
  const { reErased, rejected } = await replayErasureLedger();
  if (reErased > 0)
    log.warn({ reErased }, "erased again customers that a restore brought back (erasure ledger)");
  if (rejected > 0)
    log.error(
      { rejected },
      "erasure ledger lines not signed by this AUDIT_SIGNING_KEY were ignored: check the ledger file",
    );
}
