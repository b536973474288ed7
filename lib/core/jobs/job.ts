/** A background job: a queue name, an optional cron schedule (UTC), and what it does. */
export interface JobDefinition {
  name: string;
  cron?: string;
  /** Runs once per delivery; must be safe to run again after a crash (idempotent). */
  run: (data: Record<string, unknown>) => Promise<void>;
}
