import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { incidentAffectedSets, incidents, merchants } from "@/db/schema";
import type { AffectedCriteria } from "@/db/schema/incidents";
import { AppError } from "@/lib/core/errors";
import { actingUser, type TenantContext } from "@/lib/core/tenancy/context";
import { peopleAffected, proposeGrade } from "../grading";
import { openStatuses } from "../transitions";
import { lawsOf } from "./counts";
import { refsOfCsv, type AffectedSelectionInput } from "./criteria";

async function lockOpenIncident(ctx: TenantContext, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(incidents)
    .where(and(eq(incidents.orgId, ctx.orgId), eq(incidents.id, id)))
    .for("update");
  if (!row) throw new AppError("notFound");
  if (!openStatuses.includes(row.status))
    throw new AppError("conflict", undefined, "incidentClosed");
  return row;
}

/**
 * Starts a selection of the people affected (the job does the work, after commit). A selection
 * still running or waiting to be committed is replaced by this one. The audit event names the
 * kind of criteria and how many references a file held, never the references.
 */
export async function startSelection(
  ctx: TenantContext,
  input: AffectedSelectionInput,
): Promise<{ orgId: string; setId: string }> {
  await lockOpenIncident(ctx, input.id);
  if (input.merchantId) {
    const [merchant] = await ctx.tx
      .select({ id: merchants.id })
      .from(merchants)
      .where(and(eq(merchants.orgId, ctx.orgId), eq(merchants.id, input.merchantId)));
    if (!merchant) throw new AppError("invalid", { merchantId: "choice" });
  }
  let refs: string[] | null = null;
  if (input.kind === "csv") {
    refs = refsOfCsv(await input.file!.text());
    if (refs.length === 0) throw new AppError("invalid", { file: "emptyFile" });
  }
  const criteria: AffectedCriteria =
    input.kind === "criteria"
      ? {
          kind: "criteria",
          categories: input.categories,
          merchantId: input.merchantId,
          ordersFrom: input.ordersFrom?.toISOString() ?? null,
          ordersTo: input.ordersTo?.toISOString() ?? null,
        }
      : input.kind === "csv"
        ? { kind: "csv", refs: refs!.length }
        : { kind: "everyone" };
  await ctx.tx
    .update(incidentAffectedSets)
    .set({ status: "superseded", csvRefs: null, finishedAt: sql`now()` })
    .where(
      and(
        eq(incidentAffectedSets.orgId, ctx.orgId),
        eq(incidentAffectedSets.incidentId, input.id),
        inArray(incidentAffectedSets.status, ["selecting", "selected"]),
      ),
    );
  const [set] = await ctx.tx
    .insert(incidentAffectedSets)
    .values({
      orgId: ctx.orgId,
      incidentId: input.id,
      criteria,
      csvRefs: refs,
      toScan: refs?.length ?? 0,
      createdBy: actingUser(ctx),
    })
    .returning({ id: incidentAffectedSets.id });
  await ctx.audit({
    action: "incident.affected_selection_started",
    targetType: "incident",
    targetId: input.id,
    details: {
      set: set.id,
      kind: criteria.kind,
      ...(criteria.kind === "criteria" && {
        categories: criteria.categories,
        merchant: criteria.merchantId !== null,
        window: criteria.ordersFrom !== null || criteria.ordersTo !== null,
      }),
      ...(criteria.kind === "csv" && { refs: criteria.refs }),
    },
  });
  return { orgId: ctx.orgId, setId: set.id };
}

/**
 * Stores a finished selection with the incident: its count, the laws its people fall under and
 * its California residents decide which clocks run, and the grade is proposed again from the
 * larger of the count and the officer's estimate. An earlier committed selection is superseded.
 */
export async function commitSelection(
  ctx: TenantContext,
  input: { id: string; setId: string },
): Promise<void> {
  const incident = await lockOpenIncident(ctx, input.id);
  const [set] = await ctx.tx
    .select()
    .from(incidentAffectedSets)
    .where(
      and(
        eq(incidentAffectedSets.orgId, ctx.orgId),
        eq(incidentAffectedSets.id, input.setId),
        eq(incidentAffectedSets.incidentId, input.id),
      ),
    )
    .for("update");
  if (!set || set.status !== "selected")
    throw new AppError("conflict", undefined, "affectedNotReady");
  await ctx.tx
    .update(incidentAffectedSets)
    .set({ status: "superseded" })
    .where(
      and(
        eq(incidentAffectedSets.orgId, ctx.orgId),
        eq(incidentAffectedSets.incidentId, input.id),
        eq(incidentAffectedSets.status, "committed"),
      ),
    );
  await ctx.tx
    .update(incidentAffectedSets)
    .set({ status: "committed", committedBy: actingUser(ctx), committedAt: sql`now()` })
    .where(and(eq(incidentAffectedSets.orgId, ctx.orgId), eq(incidentAffectedSets.id, set.id)));
  const laws = lawsOf(set.counts);
  const people = peopleAffected(incident.estimatedAffected, set.matched);
  await ctx.tx
    .update(incidents)
    .set({
      affectedCount: set.matched,
      affectedLaws: laws,
      californiaResidents: set.counts.californiaResidents,
      proposedGrade: proposeGrade(people, incident.directLossCny),
      updatedAt: sql`now()`,
    })
    .where(and(eq(incidents.orgId, ctx.orgId), eq(incidents.id, input.id)));
  await ctx.audit({
    action: "incident.affected_committed",
    targetType: "incident",
    targetId: input.id,
    details: { set: set.id, matched: set.matched, laws },
  });
}
