import "server-only";
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { incidentAffectedSets, organizations } from "@/db/schema";
import type { AffectedCounts } from "@/db/schema/incidents";
import { jobActor } from "@/lib/core/jobs/job";
import { log } from "@/lib/core/log/logger";
import { inTenant } from "@/lib/core/tenancy/context";
import { addCounts, type CountGroup } from "./counts";
import { selectedCondition } from "./criteria-sql";

/** Customers looked at per transaction: each batch commits its rows, counts and position together. */
export const SELECTION_BATCH = 20_000;
const actor = jobActor("incident-affected-selection");

const byId = (orgId: string, setId: string) =>
  and(eq(incidentAffectedSets.orgId, orgId), eq(incidentAffectedSets.id, setId));

// Every column but the file's references, which a step reads a slice of in SQL.
const { csvRefs: _refs, ...setColumns } = getTableColumns(incidentAffectedSets);
type SelectionRow = Omit<typeof incidentAffectedSets.$inferSelect, "csvRefs">;

async function lockSelecting(tx: Tx, orgId: string, setId: string) {
  const [row] = await tx
    .select(setColumns)
    .from(incidentAffectedSets)
    .where(byId(orgId, setId))
    .for("update");
  return row?.status === "selecting" ? row : undefined;
}

const jurisdictionsOf = async (tx: Tx, orgId: string) =>
  (
    await tx
      .select({ j: organizations.jurisdictions })
      .from(organizations)
      .where(eq(organizations.id, orgId))
  )[0]?.j ?? [];

interface Batch {
  scanned: number;
  last: string | null;
  groups: CountGroup[];
  unmatched: number;
}

const groupsOf = (rows: Array<{ laws: string[]; region: string | null; n: string | number }>) =>
  rows.map((r) => ({ laws: r.laws, region: r.region, n: Number(r.n) }));

/** The next customers by id after the cursor: those selected go into the set (once: the key), counted by their laws and region. */
async function vaultBatch(tx: Tx, set: SelectionRow, size: number): Promise<Batch> {
  const result = await tx.execute<{
    last: string | null;
    scanned: string;
    groups: Array<{ laws: string[]; region: string | null; n: number }> | null;
  }>(sql`
    with scanned as (
      select c.id, c.laws, c.region, (${selectedCondition(set.criteria)}) as hit
      from customers c
      where c.org_id = ${set.orgId} and (${set.cursor}::uuid is null or c.id > ${set.cursor}::uuid)
      order by c.id limit ${size}
    ), added as (
      insert into incident_affected_customers (org_id, set_id, customer_id)
      select ${set.orgId}, ${set.id}, id from scanned where hit
      on conflict do nothing returning customer_id
    )
    select (select id from scanned order by id desc limit 1) as last,
      (select count(*) from scanned) as scanned,
      (select json_agg(g) from (select s.laws, s.region, count(*) as n from added a join scanned s on s.id = a.customer_id group by s.laws, s.region) g) as groups`);
  const [row] = result.rows;
  return {
    scanned: Number(row.scanned),
    last: row.last,
    groups: groupsOf(row.groups ?? []),
    unmatched: 0,
  };
}

/** The next references of the file: the customers they name (not erased) go into the set. */
async function csvBatch(tx: Tx, set: SelectionRow, size: number): Promise<Batch> {
  const result = await tx.execute<{
    refs: string;
    found: string;
    groups: Array<{ laws: string[]; region: string | null; n: number }> | null;
  }>(sql`
    with refs as (
      select unnest(csv_refs[${set.scanned + 1}:${set.scanned + size}]) as ref
      from incident_affected_sets where org_id = ${set.orgId} and id = ${set.id}
    ), found as (
      select c.id, c.laws, c.region, c.status from customers c join refs r on c.external_ref = r.ref
      where c.org_id = ${set.orgId}
    ), added as (
      insert into incident_affected_customers (org_id, set_id, customer_id)
      select ${set.orgId}, ${set.id}, id from found where status <> 'erased'
      on conflict do nothing returning customer_id
    )
    select (select count(*) from refs) as refs, (select count(*) from found where status <> 'erased') as found,
      (select json_agg(g) from (select f.laws, f.region, count(*) as n from added a join found f on f.id = a.customer_id group by f.laws, f.region) g) as groups`);
  const [row] = result.rows;
  return {
    scanned: Number(row.refs),
    last: null,
    groups: groupsOf(row.groups ?? []),
    unmatched: Number(row.refs) - Number(row.found),
  };
}

/**
 * One step of a selection, in its own transaction with its rows, counts and position: a crash
 * loses at most the step in flight, which is redone. Returns false once there is nothing left,
 * after marking the set selected (the file's references are then forgotten).
 */
async function selectionStep(orgId: string, setId: string, size: number): Promise<boolean> {
  return inTenant(orgId, actor, async ({ tx, audit }) => {
    const set = await lockSelecting(tx, orgId, setId);
    if (!set) return false;
    if (set.toScan === 0 && set.scanned === 0 && set.criteria.kind !== "csv") {
      const [{ n }] = (
        await tx.execute<{ n: string }>(
          sql`select count(*) as n from customers where org_id = ${orgId}`,
        )
      ).rows;
      await tx
        .update(incidentAffectedSets)
        .set({ toScan: Number(n) })
        .where(byId(orgId, setId));
    }
    const batch =
      set.criteria.kind === "csv" ? await csvBatch(tx, set, size) : await vaultBatch(tx, set, size);
    const added = batch.groups.reduce((sum, g) => sum + g.n, 0);
    const counts: AffectedCounts = addCounts(
      { ...set.counts, unmatchedRefs: set.counts.unmatchedRefs + batch.unmatched },
      batch.groups,
      await jurisdictionsOf(tx, orgId),
    );
    const finished = batch.scanned < size;
    await tx
      .update(incidentAffectedSets)
      .set({
        scanned: set.scanned + batch.scanned,
        cursor: batch.last ?? set.cursor,
        matched: set.matched + added,
        counts,
        ...(finished && {
          status: "selected" as const,
          csvRefs: null,
          finishedAt: sql`now()`,
          toScan: set.criteria.kind === "csv" ? set.toScan : set.scanned + batch.scanned,
        }),
      })
      .where(byId(orgId, setId));
    if (finished)
      await audit({
        action: "incident.affected_selected",
        targetType: "incident",
        targetId: set.incidentId,
        details: { set: setId, kind: set.criteria.kind, matched: set.matched + added },
      });
    return !finished;
  });
}

async function fail(orgId: string, setId: string, error: Error) {
  await inTenant(orgId, actor, async ({ tx, audit }) => {
    const set = await lockSelecting(tx, orgId, setId);
    if (!set) return;
    await tx
      .update(incidentAffectedSets)
      .set({ status: "failed", csvRefs: null, finishedAt: sql`now()` })
      .where(byId(orgId, setId));
    await audit({
      action: "incident.affected_selection_failed",
      targetType: "incident",
      targetId: set.incidentId,
      details: { set: setId, error: error.name },
    });
  });
}

/**
 * Runs (or resumes) a selection step after step from its last committed position. Safe to run
 * twice: each step re-reads the position under the set's row lock. `held` false stops it early
 * (the lease was lost or the worker is stopping); `maxSteps` stops it as a crash would (tests).
 */
export async function runSelection(
  orgId: string,
  setId: string,
  opts: { held?: () => boolean; maxSteps?: number; batch?: number } = {},
): Promise<"selected" | "stopped" | "failed"> {
  try {
    for (let steps = 0; ; steps += 1) {
      if (opts.maxSteps !== undefined && steps >= opts.maxSteps) return "stopped";
      if (opts.held && !opts.held()) return "stopped";
      if (!(await selectionStep(orgId, setId, opts.batch ?? SELECTION_BATCH))) return "selected";
    }
  } catch (error) {
    log.error({ orgId, setId, err: error }, "incident affected selection failed");
    await fail(orgId, setId, error as Error);
    return "failed";
  }
}
