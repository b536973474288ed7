import { E2E_PORT } from "./run-state";

/**
 * Where the server writes the provisional-deadline request's id and tracking token (seed-extra.ts)
 * for its spec: one file per server port, since the CI's two shards each seed their own database.
 * Outside the run's state directory, which the run's global setup clears after the server started.
 */
export const PROVISIONAL_REQUEST_FILE = `test-results/provisional-request-${E2E_PORT}.json`;
