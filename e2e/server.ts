/**
 * The server the end-to-end tests drive: a fresh uniquely named database (DATABASE_URL's server or
 * an embedded one), migrated and seeded with the demo data, served by `next start` from the
 * production build. Dropped again when Playwright stops it.
 */
import { spawn } from "node:child_process";
import { generateSecrets } from "@/lib/core/env/dev-secrets";
import { createFreshDatabase } from "@/tests/fresh-database";
import { E2E_EXTRA_USERS } from "./accounts";

const port = process.argv[2] ?? "3100";
const secrets = generateSecrets();
const database = await createFreshDatabase(secrets.DATABASE_APP_PASSWORD);
Object.assign(process.env, secrets, { DATABASE_URL: database.url, NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: "1" });

const { seedDemo } = await import("@/db/seed");
const { addExtraUsers } = await import("./seed-extra");
await seedDemo();
await addExtraUsers(E2E_EXTRA_USERS);

const next = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env: process.env });
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  next.kill("SIGTERM");
  await new Promise((resolve) => next.once("exit", resolve));
  await database.drop();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
next.on("exit", (code) => {
  if (!stopping) void database.drop().then(() => process.exit(code ?? 1));
});
