import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * The process's metrics, served at /api/metrics. Kept on globalThis: the production server (which
 * times every request) and Next's bundle (which counts consent calls and serves the endpoint) each
 * load their own copy of this module, and both must write to the one registry.
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "pd_" });
  const registers = [registry];
  return {
    registry,
    requestDuration: new Histogram({
      name: "pd_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by route (the route's pattern, never its values), method and status",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    errors: new Counter({
      name: "pd_errors_total",
      help: "Errors logged, by the log line's event (its message)",
      labelNames: ["event"] as const,
      registers,
    }),
    consentEvents: new Counter({
      name: "pd_consent_events_ingested_total",
      help: "Consent receipts stored through the API (replays of an idempotent batch not counted), by action",
      labelNames: ["action"] as const,
      registers,
    }),
    consentChecks: new Counter({
      name: "pd_consent_checks_total",
      help: "Consent checks answered, by outcome (allowed, denied) and the decision's reason",
      labelNames: ["outcome", "reason"] as const,
      registers,
    }),
    // Gauges read from the database at scrape time (db-gauges.ts registers their collectors).
    databaseUp: new Gauge({
      name: "pd_database_up",
      help: "1 when the last scrape could read the database, else 0",
      registers,
    }),
    jobQueueDepth: new Gauge({
      name: "pd_job_queue_depth",
      help: "Jobs waiting or running, by queue and state",
      labelNames: ["queue", "state"] as const,
      registers,
    }),
    jobQueueOldest: new Gauge({
      name: "pd_job_queue_oldest_seconds",
      help: "Age of the oldest job waiting to start, by queue",
      labelNames: ["queue"] as const,
      registers,
    }),
    openRequests: new Gauge({
      name: "pd_requests_open",
      help: "Open data-subject requests across organisations, by SLA state",
      labelNames: ["sla"] as const,
      registers,
    }),
    overdueCheckpoints: new Gauge({
      name: "pd_audit_checkpoints_overdue",
      help: "Organisations whose audit events have waited over two hours for a signed checkpoint",
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const globalForMetrics = globalThis as unknown as { pdMetrics?: Metrics };

export function metrics(): Metrics {
  return (globalForMetrics.pdMetrics ??= createMetrics());
}

const EVENT = /^[a-z][a-z :-]{0,60}$/;

/** Counts an error log line under its event; a message that is not a plain phrase counts as "other". */
export function countLoggedError(message: string): void {
  metrics().errors.inc({ event: EVENT.test(message) ? message : "other" });
}
