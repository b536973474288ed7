import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { incidentClockMarks, incidents, vendors } from "@/db/schema";
import type { IncidentStatus } from "@/db/schema/incidents";
import { todayIso } from "@/lib/core/dates";
import { AppError } from "@/lib/core/errors";
import { actingUser, type TenantContext } from "@/lib/core/tenancy/context";
import { clockContextOf, clockMarksOf } from "./clock-context";
import { incidentClocks } from "./clocks";
import { peopleAffected, proposeGrade } from "./grading";
import { incidentHandlers } from "./queries";
import { nextIncidentReference } from "./reference";
import { assertReviewed } from "./response/review";
import type { IncidentClockMarkInput, IncidentReportInput, IncidentTriageInput } from "./schemas";
import { canMove, openStatuses } from "./transitions";
import { departmentOf } from "./visibility";

const byId = (orgId: string, id: string) => and(eq(incidents.orgId, orgId), eq(incidents.id, id));

async function lockIncident(ctx: TenantContext, id: string) {
  const [row] = await ctx.tx.select().from(incidents).where(byId(ctx.orgId, id)).for("update");
  if (!row) throw new AppError("notFound");
  return row;
}

function assertOpen(status: IncidentStatus) {
  if (!openStatuses.includes(status)) throw new AppError("conflict", undefined, "incidentClosed");
}

/**
 * A report from anyone signed in, or from the platform's monitoring through an API key (whose
 * creator stands as `reporter`). The audit event names no content: what happened stays on the incident.
 */
export async function reportIncident(
  ctx: TenantContext,
  input: IncidentReportInput,
  reporter: string = actingUser(ctx),
): Promise<string> {
  if (input.vendorId) {
    const [vendor] = await ctx.tx
      .select({ id: vendors.id })
      .from(vendors)
      .where(and(eq(vendors.orgId, ctx.orgId), eq(vendors.id, input.vendorId)));
    if (!vendor) throw new AppError("invalid", { vendorId: "choice" });
  }
  const reference = await nextIncidentReference(ctx.tx, ctx.orgId, todayIso().slice(0, 4));
  const [row] = await ctx.tx
    .insert(incidents)
    .values({
      orgId: ctx.orgId,
      reference,
      summary: input.summary,
      description: input.description,
      discoveredAt: input.discoveredAt,
      reportedBy: reporter,
      departmentId: await departmentOf(ctx.tx, ctx.orgId, reporter),
      systems: input.systems,
      dataCategories: input.dataCategories,
      estimatedAffected: input.estimatedAffected ?? null,
      vendorId: input.vendorId ?? null,
      proposedGrade: proposeGrade(input.estimatedAffected ?? null, null),
    })
    .returning({ id: incidents.id });
  await ctx.audit({
    action: "incident.reported",
    targetType: "incident",
    targetId: row.id,
    details: { reference, vendor: Boolean(input.vendorId), via: ctx.actor.type },
  });
  return row.id;
}

/**
 * The officer's triage, repeatable while the incident is open as the figures firm up. A first
 * triage moves a report to `triage`; "not an incident" dismisses it. The grade is proposed again
 * from the figures; a grade the officer confirmed stays until they confirm another.
 */
export async function triageIncident(
  ctx: TenantContext,
  input: IncidentTriageInput,
): Promise<void> {
  const current = await lockIncident(ctx, input.id);
  assertOpen(current.status);
  if (
    input.assigneeId &&
    !(await incidentHandlers(ctx.tx, ctx.orgId)).some((h) => h.userId === input.assigneeId)
  ) {
    throw new AppError("invalid", { assigneeId: "choice" });
  }
  const dismiss = input.classification === "not_incident";
  if (dismiss && !["reported", "triage"].includes(current.status))
    throw new AppError("invalid", { classification: "dismissTooLate" });
  const status: IncidentStatus = dismiss
    ? "dismissed"
    : current.status === "reported"
      ? "triage"
      : current.status;
  const values = {
    classification: input.classification,
    breachTypes: input.classification === "pi_breach" ? input.breachTypes : [],
    dismissReason: dismiss ? input.dismissReason! : null,
    estimatedAffected: input.estimatedAffected ?? null,
    directLossCny: input.directLossCny ?? null,
    affectedLaws: input.affectedLaws,
    californiaResidents: input.californiaResidents ?? null,
    gdprRisk: input.gdprRisk ?? null,
    gdprRiskReason:
      input.gdprRisk === "none" ? input.gdprRiskReason! : (input.gdprRiskReason ?? null),
    drill: input.drill,
    assigneeId: input.assigneeId ?? null,
    proposedGrade: proposeGrade(
      peopleAffected(input.estimatedAffected ?? null, current.affectedCount),
      input.directLossCny ?? null,
    ),
  };
  const changed = (Object.keys(values) as Array<keyof typeof values>).filter(
    (k) => JSON.stringify(current[k]) !== JSON.stringify(values[k]),
  );
  await ctx.tx
    .update(incidents)
    .set({
      ...values,
      status,
      triagedAt: current.triagedAt ?? sql`now()`,
      closedAt: dismiss ? sql`now()` : null,
      updatedAt: sql`now()`,
    })
    .where(byId(ctx.orgId, input.id));
  await ctx.audit({
    action: "incident.triaged",
    targetType: "incident",
    targetId: input.id,
    details: { classification: input.classification, fields: changed },
  });
  if (status !== current.status) {
    await ctx.audit({
      action: "incident.status_changed",
      targetType: "incident",
      targetId: input.id,
      details: { from: current.status, to: status },
    });
  }
}

/** The officer's grade, proposed or not, with the reason (kept on the incident, not in the audit log). */
export async function confirmGrade(
  ctx: TenantContext,
  input: { id: string; grade: (typeof incidents.$inferSelect)["grade"] & string; reason: string },
): Promise<void> {
  const current = await lockIncident(ctx, input.id);
  assertOpen(current.status);
  if (current.classification === null)
    throw new AppError("conflict", undefined, "incidentTriageFirst");
  await ctx.tx
    .update(incidents)
    .set({
      grade: input.grade,
      gradeReason: input.reason,
      gradeConfirmedBy: actingUser(ctx),
      updatedAt: sql`now()`,
    })
    .where(byId(ctx.orgId, input.id));
  await ctx.audit({
    action: "incident.grade_confirmed",
    targetType: "incident",
    targetId: input.id,
    details: {
      grade: input.grade,
      proposed: current.proposedGrade,
      asProposed: input.grade === current.proposedGrade,
    },
  });
}

/** One workflow step (transitions.ts). Investigating needs a classification; dismissing a reason. */
export async function moveIncident(
  ctx: TenantContext,
  input: { id: string; to: IncidentStatus; reason?: string },
): Promise<void> {
  const current = await lockIncident(ctx, input.id);
  if (!canMove(current.status, input.to)) throw new AppError("conflict", undefined, "incidentStep");
  if (input.to === "investigating" && current.classification === null)
    throw new AppError("conflict", undefined, "incidentTriageFirst");
  if (input.to === "dismissed" && !input.reason)
    throw new AppError("invalid", { reason: "required" });
  if (input.to === "closed") await assertReviewed(ctx.tx, ctx.orgId, input.id);
  await ctx.tx
    .update(incidents)
    .set({
      status: input.to,
      ...(input.to === "dismissed" && { dismissReason: input.reason, closedAt: sql`now()` }),
      ...(input.to === "contained" && { containedAt: sql`now()` }),
      ...(input.to === "closed" && { closedAt: sql`now()` }),
      updatedAt: sql`now()`,
    })
    .where(byId(ctx.orgId, input.id));
  await ctx.audit({
    action: "incident.status_changed",
    targetType: "incident",
    targetId: input.id,
    details: { from: current.status, to: input.to },
  });
}

/**
 * Stops one of the incident's clocks: the report or notice was made at a time (after the due
 * time, a rule such as GDPR Art. 33 needs the reasons for the delay), or it is not needed, where
 * the rule allows that (PIPL Art. 57 individuals: a reason; GDPR Art. 34: one of its exceptions).
 */
export async function markClock(
  ctx: TenantContext,
  input: IncidentClockMarkInput,
  now = new Date(),
): Promise<void> {
  const current = await lockIncident(ctx, input.id);
  assertOpen(current.status);
  const context = await clockContextOf(ctx.tx, ctx.orgId);
  const marks = (await clockMarksOf(ctx.tx, ctx.orgId, [input.id])).get(input.id) ?? new Map();
  const clock = incidentClocks(
    context.rules,
    current,
    context.settings,
    marks,
    now,
    context.calendar,
  ).find((c) => c.rule.key === input.ruleKey);
  if (!clock) throw new AppError("invalid", { ruleKey: "choice" });
  if (clock.mark) throw new AppError("conflict", undefined, "clockAlreadyMarked");
  const late = input.outcome === "done" && clock.dueAt !== null && input.at > clock.dueAt;
  if (input.outcome === "waived") {
    if (!clock.rule.waiver) throw new AppError("invalid", { outcome: "notWaivable" });
    if (clock.rule.waiver === "gdpr34" && !input.exception)
      throw new AppError("invalid", { exception: "required" });
    if (clock.rule.waiver === "reason" && !input.reason)
      throw new AppError("invalid", { reason: "required" });
  }
  if (late && clock.rule.lateReasonRequired && !input.reason)
    throw new AppError("invalid", { reason: "lateReasonRequired" });
  if (clock.startsAt && input.outcome === "done" && input.at < clock.startsAt)
    throw new AppError("invalid", { doneOn: "beforeClockStart" });
  await ctx.tx.insert(incidentClockMarks).values({
    orgId: ctx.orgId,
    incidentId: input.id,
    ruleKey: input.ruleKey,
    outcome: input.outcome,
    at: input.outcome === "done" ? input.at : now,
    reason: input.reason ?? null,
    exception: input.outcome === "waived" ? (input.exception ?? null) : null,
    recordedBy: actingUser(ctx),
  });
  await ctx.audit({
    action: "incident.clock_marked",
    targetType: "incident",
    targetId: input.id,
    details: {
      rule: input.ruleKey,
      outcome: input.outcome,
      late,
      ...(input.exception && input.outcome === "waived" && { exception: input.exception }),
    },
  });
}
