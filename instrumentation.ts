/** Starts the background worker inside the server unless WORKER_IN_SERVER=false (then `npm run worker`). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.WORKER_IN_SERVER === "false") return;
  const { startWorker } = await import("@/lib/core/jobs/worker");
  const { log } = await import("@/lib/core/log/logger");
  try {
    await startWorker();
    log.info("background worker started");
  } catch (error) {
    // The site still serves; scheduled jobs (reminders, checkpoints) wait until this is fixed.
    log.error({ err: error }, "background worker failed to start");
  }
}
