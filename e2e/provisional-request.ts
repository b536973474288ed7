/** Where the server writes the provisional-deadline request's id and tracking token (seed-extra.ts) for its spec. */
export const PROVISIONAL_REQUEST_FILE = "test-results/e2e-provisional-request.json";
