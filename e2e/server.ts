/**
 * The server the end-to-end tests drive: a fresh uniquely named database (DATABASE_URL's server or
 * an embedded one), migrated and seeded with the demo data, served by `next start` from the
 * production build. Dropped again when Playwright stops it.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { generateSecrets } from "@/lib/core/env/dev-secrets";
import { createFreshDatabase } from "@/tests/fresh-database";
import { E2E_EXTRA_USERS } from "./accounts";

const port = process.argv[2] ?? "3100";
const secrets = generateSecrets();
const database = await createFreshDatabase(secrets.DATABASE_APP_PASSWORD);
Object.assign(process.env, secrets, { DATABASE_URL: database.url, NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: "1", OUTBOX_SHOW_BODIES: "true" });

const { seedDemo } = await import("@/db/seed");
const { addExtraUsers } = await import("./seed-extra");
await seedDemo();
await addExtraUsers(E2E_EXTRA_USERS);

// Next runs in its own process group, so that stopping happens in order: Next first, then the
// database is dropped, whatever signal reached the whole group.
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const next = spawn(process.execPath, [nextBin, "start", "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env: process.env, detached: true });
const nextExited = new Promise<number | null>((resolve) => next.once("exit", (code) => resolve(code)));
let stopping = false;
async function stop(exitCode: number) {
  if (stopping) return;
  stopping = true;
  try {
    process.kill(-next.pid!, "SIGTERM");
  } catch {
    // already gone
  }
  await nextExited;
  await database.drop().catch((error) => console.error("could not drop the e2e database:", (error as Error).message));
  process.exit(exitCode);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
void nextExited.then((code) => stop(code ?? 1));
