/**
 * RFC 9457 problem details for /api/v1. `type` is a URN naming the problem, so it stays stable
 * whichever host serves the API; `code` inside each item error is stable too.
 */
export const problemTypes = {
  malformed: { status: 400, title: "Malformed request" },
  unauthenticated: { status: 401, title: "Missing or invalid API key" },
  forbidden: { status: 403, title: "The API key lacks the required scope" },
  notFound: { status: 404, title: "Not found" },
  methodNotAllowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  tooLarge: { status: 413, title: "Request too large" },
  unsupportedMediaType: { status: 415, title: "Unsupported media type" },
  validation: { status: 422, title: "Validation failed" },
  idempotencyMismatch: { status: 422, title: "Idempotency key reused with a different request" },
  rateLimited: { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal error" },
  unavailable: { status: 503, title: "Service unavailable" },
} as const;
export type ProblemCode = keyof typeof problemTypes;

export const problemType = (code: ProblemCode) =>
  `urn:privacy-desk:problem:${code.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Seconds a client waits before retrying a 503 (restart, database outage). */
export const RETRY_AFTER_SECONDS = 5;

/** The problem document for `code`, without item errors. */
export function problemBody(code: ProblemCode, detail?: string) {
  const { status, title } = problemTypes[code];
  return { type: problemType(code), title, status, ...(detail ? { detail } : {}) };
}
