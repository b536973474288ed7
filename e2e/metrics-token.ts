/** The METRICS_TOKEN e2e/server.ts runs with, which the metrics spec scrapes with. */
export const E2E_METRICS_TOKEN = "e2e-metrics-token-0123456789abcdefghijklmnop";
