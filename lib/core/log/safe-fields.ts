import { safeError } from "./safe-error";

/**
 * The allow-list: the only fields a log line may carry, each with the shape its value must have.
 * A field not listed is replaced by "[redacted]", and so is a listed one whose value has another
 * shape (a customer reference passed as `orgId`). Ids are UUIDs (ours, never the platform's
 * references); names are code words (routes, queues, permissions, SQLSTATEs); the rest numbers.
 * Add a field here only if no value it can hold is personal data or a secret.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WORD = /^[\w.:/[\]-]{1,120}$/;
const REQUEST_ID = /^[\w-]{8,64}$/;
const PATH = /^[\w./@+ -]{1,300}$/;

type Kind = "uuid" | "word" | "path" | "requestId" | "number" | "boolean" | "error";

const allowed: Record<string, Kind> = {
  reqId: "requestId",
  orgId: "uuid",
  userId: "uuid",
  keyId: "uuid",
  jobId: "uuid",
  importId: "uuid",
  exportId: "uuid",
  requestId: "uuid",
  id: "uuid",
  route: "word",
  method: "word",
  permission: "word",
  queue: "word",
  job: "word",
  code: "word",
  reason: "word",
  mode: "word",
  event: "word",
  status: "number",
  durationMs: "number",
  pid: "number",
  port: "number",
  count: "number",
  failed: "number",
  attempt: "number",
  graceMs: "number",
  organisations: "number",
  dataDir: "path",
  file: "path",
  retrying: "boolean",
  err: "error",
};

export const REDACTED = "[redacted]";

function safeValue(kind: Kind, value: unknown): unknown {
  switch (kind) {
    case "uuid":
      return typeof value === "string" && UUID.test(value) ? value : REDACTED;
    case "word":
      return typeof value === "string" && WORD.test(value) ? value : REDACTED;
    case "path":
      return typeof value === "string" && PATH.test(value) ? value : REDACTED;
    case "requestId":
      return typeof value === "string" && REQUEST_ID.test(value) ? value : REDACTED;
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? value : REDACTED;
    case "boolean":
      return typeof value === "boolean" ? value : REDACTED;
    case "error":
      return safeError(value);
  }
}

/** A log line's fields with everything off the allow-list (or of the wrong shape) replaced. */
export function safeFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const kind = Object.hasOwn(allowed, key) ? allowed[key] : undefined;
    out[key] = kind ? safeValue(kind, value) : REDACTED;
  }
  return out;
}
