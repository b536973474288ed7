/**
 * The server the end-to-end tests drive: a fresh uniquely named database (DATABASE_URL's server or
 * an embedded one), migrated and seeded with the demo data, served from the production build by
 * the production server (server/production.ts) on the given port, and by Next alone on the port
 * after it, for the test that both answer alike. The database is dropped when Playwright stops it.
 */
import { createServer } from "node:http";
import { generateSecrets } from "@/lib/core/env/dev-secrets";
import { createFreshDatabase } from "@/tests/fresh-database";
import { E2E_EXTRA_USERS } from "./accounts";
import { E2E_METRICS_TOKEN } from "./metrics-token";

const port = Number(process.argv[2] ?? "3100");
const secrets = generateSecrets();
const database = await createFreshDatabase(secrets.DATABASE_APP_PASSWORD);
Object.assign(process.env, secrets, {
  METRICS_TOKEN: E2E_METRICS_TOKEN,
  NODE_ENV: "production",
  DATABASE_URL: database.url,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
  OUTBOX_SHOW_BODIES: "true",
  // This run's own erasure ledger, not the demo's in .data (run-state.ts's folder for this port).
  ERASURE_LEDGER_PATH: `test-results/run-${port}/erasure-ledger.jsonl`,
});

const { seedDemo } = await import("@/db/seed");
const { addExtraUsers, addProvisionalRequest, addPurposeLackingMechanism } =
  await import("./seed-extra");
await seedDemo();
await addExtraUsers(E2E_EXTRA_USERS);
await addProvisionalRequest();
await addPurposeLackingMechanism();

const { startProductionServer } = await import("@/server/production");
const server = await startProductionServer({ port, hostname: "127.0.0.1" });
const nextAlone = createServer((req, res) => void server.handleWithNext(req, res)).listen(
  port + 1,
  "127.0.0.1",
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  nextAlone.close();
  nextAlone.closeAllConnections();
  await server
    .close()
    .catch((error) => console.error("could not stop the server:", (error as Error).message));
  await database
    .drop()
    .catch((error) => console.error("could not drop the e2e database:", (error as Error).message));
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
