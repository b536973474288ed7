import { auditActions } from "@/lib/core/audit/actions";
import type { AuditActor } from "@/lib/core/audit/record";
import { runLeased, type Lease } from "./lease";

type JobData = Record<string, unknown>;

/**
 * A long job over one item (a rotation, an import, an export…): each delivery runs it under the
 * item's lease (lease.ts), so one runner works on an item at a time, and one that dies is replaced
 * within a minute by any worker, which calls `run` again with the same data. `run` resumes from the
 * last committed step and returns early when `lease.held()` turns false (checked between steps).
 */
interface Resumable {
  /** The item the delivery is about (e.g. `${orgId}:${rotationId}`). */
  key: (data: JobData) => string;
  run: (data: JobData, lease: Lease) => Promise<unknown>;
}

type JobWork =
  /** Runs once per delivery; must be safe to run again after a crash (idempotent). */
  | { run: (data: JobData) => Promise<void>; resumable?: never }
  | { resumable: Resumable; run?: never };

type JobBase = {
  name: string;
  /** A cron schedule (UTC); omitted for a job that is only sent (`enqueue`). */
  cron?: string;
} & JobWork;

/**
 * A background job either records its work in the audit chain — `audits` names the events its
 * runs write, as the job's system actor (`jobActor`), in the transactions that change something
 * — or says why it records nothing (`unaudited.reason`), as `defineEndpoint`'s unaudited read does.
 */
export type JobSpec = JobBase &
  (
    | { audits: readonly string[]; unaudited?: never }
    | { unaudited: { reason: string }; audits?: never }
  );

/** A defined job: `run` takes a delivery (for a resumable job, under the item's lease). */
export type JobDefinition = Omit<JobSpec, "run" | "resumable"> & {
  run: (data: JobData) => Promise<void>;
  resumable?: Resumable;
};

/**
 * Every background job goes through here: a job that audits nothing must say why, and the events
 * an audited job names must be actions of the audit log. (`audits` is checked here rather than by
 * its type: the actions' type is read from the module declarations, which list the jobs.)
 */
export function defineJob(definition: JobSpec): JobDefinition {
  const audited = definition.audits !== undefined && definition.audits.length > 0;
  const excused = definition.unaudited !== undefined && definition.unaudited.reason.trim() !== "";
  if (audited === excused)
    throw new Error(
      `job ${definition.name}: name the audit events it records, or the reason it records none`,
    );
  const unknown = (definition.audits ?? []).filter((action) => !known.has(action));
  if (unknown.length > 0)
    throw new Error(`job ${definition.name}: ${unknown.join(", ")} is not an audit action`);
  const { resumable } = definition;
  if (!resumable) return definition as JobDefinition;
  return {
    ...definition,
    run: async (data) => {
      await runLeased(definition.name, resumable.key(data), data, (lease) =>
        resumable.run(data, lease),
      );
    },
  };
}

const known = new Set<string>(auditActions);

/** The actor a job's audit events are recorded as. */
export const jobActor = (name: string): AuditActor => ({ type: "system", id: `${name}-job` });
