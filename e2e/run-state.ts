/**
 * Where one end-to-end run keeps its sessions and enrolled TOTP secrets: per server port, so two
 * runs side by side (CI runs the specs in two shards, each with its own server and database) never
 * read each other's. Removed at the start of each run (e2e/global-setup.ts).
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const RUN_STATE_DIR = `test-results/run-${E2E_PORT}`;
