/** `npm run worker`: the background worker as its own process, for scaled-out deployments. */
import { existsSync } from "node:fs";
import { parseEnv } from "@/lib/core/env/schema";
import { startWorker, stopWorker } from "@/lib/core/jobs/worker";
import { log } from "@/lib/core/log/logger";

if (existsSync(".env")) process.loadEnvFile(".env");
parseEnv(process.env);
await startWorker("worker");
log.info("Worker running: Ctrl-C stops it");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await stopWorker();
    process.exit(0);
  });
}
