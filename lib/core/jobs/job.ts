import { auditActions } from "@/lib/core/audit/actions";
import type { AuditActor } from "@/lib/core/audit/record";

interface JobBase {
  name: string;
  /** A cron schedule (UTC); omitted for a job that is only sent (`enqueue`). */
  cron?: string;
  /** Runs once per delivery; must be safe to run again after a crash (idempotent). */
  run: (data: Record<string, unknown>) => Promise<void>;
}

/**
 * A background job either records its work in the audit chain — `audits` names the events its
 * runs write, as the job's system actor (`jobActor`), in the transactions that change something
 * — or says why it records nothing (`unaudited.reason`), as `defineEndpoint`'s unaudited read does.
 */
export type JobDefinition = JobBase & ({ audits: readonly string[]; unaudited?: never } | { unaudited: { reason: string }; audits?: never });

/**
 * Every background job goes through here: a job that audits nothing must say why, and the events
 * an audited job names must be actions of the audit log. (`audits` is checked here rather than by
 * its type: the actions' type is read from the module declarations, which list the jobs.)
 */
export function defineJob(definition: JobDefinition): JobDefinition {
  const audited = definition.audits !== undefined && definition.audits.length > 0;
  const excused = definition.unaudited !== undefined && definition.unaudited.reason.trim() !== "";
  if (audited === excused) throw new Error(`job ${definition.name}: name the audit events it records, or the reason it records none`);
  const unknown = (definition.audits ?? []).filter((action) => !known.has(action));
  if (unknown.length > 0) throw new Error(`job ${definition.name}: ${unknown.join(", ")} is not an audit action`);
  return definition;
}

const known = new Set<string>(auditActions);

/** The actor a job's audit events are recorded as. */
export const jobActor = (name: string): AuditActor => ({ type: "system", id: `${name}-job` });
