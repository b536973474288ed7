import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { riskFindings, risks, riskVendors } from "@/db/schema";
import { calendarDaysBetween, todayIso } from "@/lib/core/dates";
import { AppError } from "@/lib/core/errors";
import { actingUser, actingUserId, type TenantContext } from "@/lib/core/tenancy/context";
import { findingExists } from "@/lib/security-tests/queries";
import { isActiveMember } from "@/lib/users/queries";
import { getVendor } from "@/lib/vendors/queries";
import { acceptanceState, approvalRefusal, MAX_ACCEPTANCE_DAYS } from "./acceptance";
import { riskScore } from "./levels";
import type { RiskInput, RiskLinkInput, RiskUpdateInput } from "./schemas";

const byId = (orgId: string, id: string) => and(eq(risks.orgId, orgId), eq(risks.id, id));

function values(input: RiskInput) {
  return {
    title: input.title,
    description: input.description ?? null,
    ownerId: input.ownerId,
    inherentLikelihood: input.inherentLikelihood,
    inherentImpact: input.inherentImpact,
    residualLikelihood: input.residualLikelihood,
    residualImpact: input.residualImpact,
    residualScore: riskScore(input.residualLikelihood, input.residualImpact),
    treatment: input.treatment,
    reviewOn: input.reviewOn,
  };
}

async function assertOwner(ctx: TenantContext, ownerId: string): Promise<void> {
  if (!(await isActiveMember(ctx.tx, ctx.orgId, ownerId)))
    throw new AppError("invalid", { ownerId: "ownerNotMember" });
}

export async function createRisk(ctx: TenantContext, input: RiskInput): Promise<string> {
  await assertOwner(ctx, input.ownerId);
  const [row] = await ctx.tx
    .insert(risks)
    .values({
      orgId: ctx.orgId,
      ...values(input),
      acceptanceRequestedBy: input.treatment === "accept" ? actingUserId(ctx) : null,
    })
    .returning({ id: risks.id });
  await ctx.audit({
    action: "risk.created",
    targetType: "risk",
    targetId: row.id,
    details: {
      treatment: input.treatment,
      score: riskScore(input.residualLikelihood, input.residualImpact),
    },
  });
  return row.id;
}

/**
 * An edit. An acceptance covers the risk as it was accepted: changing the residual score or the
 * owner asks for approval again, and a treatment other than "accept" ends it.
 */
export async function updateRisk(
  ctx: TenantContext,
  input: RiskUpdateInput,
): Promise<{ changed: string[] }> {
  const { id, ...fields } = input;
  const [current] = await ctx.tx.select().from(risks).where(byId(ctx.orgId, id)).for("update");
  if (!current) throw new AppError("notFound");
  if (fields.ownerId !== current.ownerId) await assertOwner(ctx, fields.ownerId);
  const next = values(fields);
  const changed = (Object.keys(next) as Array<keyof typeof next>).filter(
    (key) => next[key] !== current[key],
  );
  const reopens =
    fields.treatment === "accept" &&
    (current.treatment !== "accept" ||
      changed.some((k) => ["residualLikelihood", "residualImpact", "ownerId"].includes(k)));
  const acceptance =
    fields.treatment !== "accept"
      ? {
          acceptanceRequestedBy: null,
          acceptedBy: null,
          acceptedAt: null,
          acceptanceExpiresOn: null,
        }
      : reopens
        ? {
            acceptanceRequestedBy: actingUser(ctx),
            acceptedBy: null,
            acceptedAt: null,
            acceptanceExpiresOn: null,
          }
        : {};
  await ctx.tx
    .update(risks)
    .set({ ...next, ...acceptance, updatedAt: sql`now()` })
    .where(byId(ctx.orgId, id));
  await ctx.audit({
    action: "risk.updated",
    targetType: "risk",
    targetId: id,
    details: { fields: changed, acceptanceReopened: reopens },
  });
  return { changed };
}

/** Four-eyes acceptance: by someone who neither owns the risk nor asked for its acceptance, until a date. */
export async function acceptRisk(
  ctx: TenantContext,
  input: { id: string; expiresOn: string },
  today = todayIso(),
): Promise<void> {
  const approver = actingUser(ctx);
  const [current] = await ctx.tx
    .select()
    .from(risks)
    .where(byId(ctx.orgId, input.id))
    .for("update");
  if (!current) throw new AppError("notFound");
  if (acceptanceState(current, today) === "none" || acceptanceState(current, today) === "accepted")
    throw new AppError("conflict", undefined, "notAwaitingAcceptance");
  const refusal = approvalRefusal(current, approver);
  if (refusal) throw new AppError("forbidden", undefined, refusal);
  const days = calendarDaysBetween(today, input.expiresOn);
  if (days < 1) throw new AppError("invalid", { expiresOn: "acceptanceExpiryNotFuture" });
  if (days > MAX_ACCEPTANCE_DAYS)
    throw new AppError("invalid", { expiresOn: "acceptanceExpiryTooFar" });
  await ctx.tx
    .update(risks)
    .set({
      acceptedBy: approver,
      acceptedAt: new Date(),
      acceptanceExpiresOn: input.expiresOn,
      updatedAt: sql`now()`,
    })
    .where(byId(ctx.orgId, input.id));
  await ctx.audit({
    action: "risk.accepted",
    targetType: "risk",
    targetId: input.id,
    details: { expiresOn: input.expiresOn },
  });
}

async function assertRisk(ctx: TenantContext, id: string): Promise<void> {
  const [row] = await ctx.tx.select({ id: risks.id }).from(risks).where(byId(ctx.orgId, id));
  if (!row) throw new AppError("notFound");
}

/** Links a finding or a vendor to the risk (linking again changes nothing). */
export async function linkRisk(ctx: TenantContext, input: RiskLinkInput): Promise<void> {
  await assertRisk(ctx, input.id);
  if (input.kind === "finding") {
    if (!(await findingExists(ctx.tx, ctx.orgId, input.targetId)))
      throw new AppError("invalid", { targetId: "linkTargetUnknown" });
    await ctx.tx
      .insert(riskFindings)
      .values({ orgId: ctx.orgId, riskId: input.id, findingId: input.targetId })
      .onConflictDoNothing();
  } else {
    if (!(await getVendor(ctx.tx, ctx.orgId, input.targetId)))
      throw new AppError("invalid", { targetId: "linkTargetUnknown" });
    await ctx.tx
      .insert(riskVendors)
      .values({ orgId: ctx.orgId, riskId: input.id, vendorId: input.targetId })
      .onConflictDoNothing();
  }
  await ctx.audit({
    action: "risk.linked",
    targetType: "risk",
    targetId: input.id,
    details: { kind: input.kind, targetId: input.targetId },
  });
}

export async function unlinkRisk(ctx: TenantContext, input: RiskLinkInput): Promise<void> {
  await assertRisk(ctx, input.id);
  const removed =
    input.kind === "finding"
      ? await ctx.tx
          .delete(riskFindings)
          .where(
            and(
              eq(riskFindings.orgId, ctx.orgId),
              eq(riskFindings.riskId, input.id),
              eq(riskFindings.findingId, input.targetId),
            ),
          )
          .returning({ id: riskFindings.findingId })
      : await ctx.tx
          .delete(riskVendors)
          .where(
            and(
              eq(riskVendors.orgId, ctx.orgId),
              eq(riskVendors.riskId, input.id),
              eq(riskVendors.vendorId, input.targetId),
            ),
          )
          .returning({ id: riskVendors.vendorId });
  if (removed.length === 0) throw new AppError("notFound");
  await ctx.audit({
    action: "risk.unlinked",
    targetType: "risk",
    targetId: input.id,
    details: { kind: input.kind, targetId: input.targetId },
  });
}
