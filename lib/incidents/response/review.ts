import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { incidentReviews, incidentRisks, incidents, risks, users } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { actingUser, type TenantContext } from "@/lib/core/tenancy/context";
import type { IncidentReviewInput } from "./schemas";

/**
 * The post-incident review (cause, what worked, lessons, linked risks; its actions are the
 * incident's tasks marked as from the review). Saved again while the incident is open.
 */
export async function saveReview(ctx: TenantContext, input: IncidentReviewInput): Promise<void> {
  const [incident] = await ctx.tx
    .select({ status: incidents.status })
    .from(incidents)
    .where(and(eq(incidents.orgId, ctx.orgId), eq(incidents.id, input.incidentId)))
    .for("update");
  if (!incident) throw new AppError("notFound");
  if (incident.status === "closed" || incident.status === "dismissed")
    throw new AppError("conflict", undefined, "incidentClosed");
  const riskIds = [...new Set(input.riskIds)];
  if (riskIds.length > 0) {
    const found = await ctx.tx
      .select({ id: risks.id })
      .from(risks)
      .where(and(eq(risks.orgId, ctx.orgId), inArray(risks.id, riskIds)));
    if (found.length !== riskIds.length) throw new AppError("invalid", { riskIds: "choice" });
  }
  const values = {
    cause: input.cause,
    whatWorked: input.whatWorked,
    lessons: input.lessons,
    completedBy: actingUser(ctx),
  };
  await ctx.tx
    .insert(incidentReviews)
    .values({ orgId: ctx.orgId, incidentId: input.incidentId, ...values })
    .onConflictDoUpdate({
      target: [incidentReviews.orgId, incidentReviews.incidentId],
      set: { ...values, updatedAt: new Date() },
    });
  await ctx.tx
    .delete(incidentRisks)
    .where(and(eq(incidentRisks.orgId, ctx.orgId), eq(incidentRisks.incidentId, input.incidentId)));
  if (riskIds.length > 0)
    await ctx.tx
      .insert(incidentRisks)
      .values(
        riskIds.map((riskId) => ({ orgId: ctx.orgId, incidentId: input.incidentId, riskId })),
      );
  await ctx.audit({
    action: "incident.reviewed",
    targetType: "incident",
    targetId: input.incidentId,
    details: { risks: riskIds },
  });
}

/** Closing needs the review (moveIncident calls this before an incident becomes closed). */
export async function assertReviewed(tx: Tx, orgId: string, incidentId: string): Promise<void> {
  const [row] = await tx
    .select({ id: incidentReviews.incidentId })
    .from(incidentReviews)
    .where(and(eq(incidentReviews.orgId, orgId), eq(incidentReviews.incidentId, incidentId)));
  if (!row) throw new AppError("conflict", undefined, "incidentReviewFirst");
}

/** The review with its author's name and linked risk ids, or undefined. */
export async function reviewOf(tx: Tx, orgId: string, incidentId: string) {
  const [row] = await tx
    .select({ review: incidentReviews, by: users.name })
    .from(incidentReviews)
    .innerJoin(users, eq(users.id, incidentReviews.completedBy))
    .where(and(eq(incidentReviews.orgId, orgId), eq(incidentReviews.incidentId, incidentId)));
  if (!row) return undefined;
  const linked = await tx
    .select({ riskId: incidentRisks.riskId })
    .from(incidentRisks)
    .where(and(eq(incidentRisks.orgId, orgId), eq(incidentRisks.incidentId, incidentId)));
  return { ...row.review, by: row.by, riskIds: linked.map((l) => l.riskId) };
}
