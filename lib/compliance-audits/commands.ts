import "server-only";
import { and, eq, sql } from "drizzle-orm";
import {
  complianceAuditChecklist,
  complianceAuditEvidence,
  complianceAuditFindings,
  complianceAudits,
  type AuditStatus,
} from "@/db/schema";
import { todayIso } from "@/lib/core/dates";
import { AppError } from "@/lib/core/errors";
import { actingUserId, type TenantContext } from "@/lib/core/tenancy/context";
import { computeEvidence } from "@/lib/controls/evaluate";
import { assertDepartmentExists } from "@/lib/departments/queries";
import { requirementsInForce } from "@/lib/requirements/versions";
import { departmentMembers, isActiveMember } from "@/lib/users/queries";
import { getVendor } from "@/lib/vendors/queries";
import type {
  AuditCreateInput,
  AuditFindingInput,
  AuditStepInput,
  ChecklistItemInput,
} from "./schemas";

const byAudit = (ctx: TenantContext, id: string) =>
  and(eq(complianceAudits.orgId, ctx.orgId), eq(complianceAudits.id, id));

/**
 * Plans an audit: its criteria are every requirement of the chosen laws in the version in force
 * on the planned start, written as the checklist. The auditor is a member or a vendor.
 */
export async function createAudit(ctx: TenantContext, input: AuditCreateInput): Promise<string> {
  const internal = input.auditorType === "internal";
  if (internal && !(await isActiveMember(ctx.tx, ctx.orgId, input.auditorUserId!)))
    throw new AppError("invalid", { auditorUserId: "ownerNotMember" });
  if (!internal) {
    const vendor = await getVendor(ctx.tx, ctx.orgId, input.auditorVendorId!);
    if (!vendor || vendor.archivedAt)
      throw new AppError("invalid", { auditorVendorId: "testerNotVendor" });
  }
  const laws = [...new Set(input.laws)];
  const criteria = laws.flatMap((law) => requirementsInForce(input.plannedStart, law));
  if (criteria.length === 0) throw new AppError("invalid", { laws: "lawsNotInForce" });
  const [row] = await ctx.tx
    .insert(complianceAudits)
    .values({
      orgId: ctx.orgId,
      title: input.title,
      kind: input.kind,
      regulatorOrder: input.kind === "regulator_ordered" ? input.regulatorOrder! : null,
      scope: input.scope,
      laws,
      auditorUserId: internal ? input.auditorUserId! : null,
      auditorVendorId: internal ? null : input.auditorVendorId!,
      plannedStart: input.plannedStart,
      plannedEnd: input.plannedEnd,
      createdBy: actingUserId(ctx),
    })
    .returning({ id: complianceAudits.id });
  await ctx.tx.insert(complianceAuditChecklist).values(
    criteria.map((req) => ({
      orgId: ctx.orgId,
      auditId: row.id,
      requirementKey: req.key,
      requirementVersion: req.version,
    })),
  );
  await ctx.audit({
    action: "compliance_audit.created",
    targetType: "compliance_audit",
    targetId: row.id,
    details: {
      kind: input.kind,
      laws,
      requirements: criteria.length,
      auditor: internal ? "internal" : "vendor",
      ...(internal
        ? { auditorUserId: input.auditorUserId! }
        : { vendorId: input.auditorVendorId! }),
    },
  });
  return row.id;
}

/**
 * Starts the audit, taking the computed controls' evidence as it stands now (kept with the
 * audit whatever the controls say later), or completes it with its conclusion.
 */
export async function stepAudit(
  ctx: TenantContext,
  input: AuditStepInput,
  now = new Date(),
): Promise<void> {
  const [audit] = await ctx.tx
    .select({ status: complianceAudits.status })
    .from(complianceAudits)
    .where(byAudit(ctx, input.auditId))
    .for("update");
  if (!audit) throw new AppError("notFound");
  const today = todayIso(now);
  const from: AuditStatus = input.step === "start" ? "planned" : "in_progress";
  if (audit.status !== from) throw new AppError("conflict", undefined, "auditStep");
  if (input.step === "start") {
    const evidence = await computeEvidence(ctx.tx, ctx.orgId, now);
    await ctx.tx.insert(complianceAuditEvidence).values(
      evidence.map((e) => ({
        orgId: ctx.orgId,
        auditId: input.auditId,
        controlId: e.controlId,
        status: e.status,
        numerator: e.numerator,
        denominator: e.denominator,
        details: e.details,
        takenAt: now,
      })),
    );
    await ctx.tx
      .update(complianceAudits)
      .set({ status: "in_progress", actualStart: today, updatedAt: sql`now()` })
      .where(byAudit(ctx, input.auditId));
  } else {
    if (!input.conclusion) throw new AppError("invalid", { conclusion: "required" });
    await ctx.tx
      .update(complianceAudits)
      .set({
        status: "completed",
        actualEnd: today,
        conclusion: input.conclusion,
        updatedAt: sql`now()`,
      })
      .where(byAudit(ctx, input.auditId));
  }
  await ctx.audit({
    action: input.step === "start" ? "compliance_audit.started" : "compliance_audit.completed",
    targetType: "compliance_audit",
    targetId: input.auditId,
    details: { from: audit.status, to: input.step === "start" ? "in_progress" : "completed" },
  });
}

async function assertInProgress(ctx: TenantContext, auditId: string): Promise<void> {
  const [audit] = await ctx.tx
    .select({ status: complianceAudits.status })
    .from(complianceAudits)
    .where(byAudit(ctx, auditId));
  if (!audit) throw new AppError("notFound");
  if (audit.status !== "in_progress") throw new AppError("conflict", undefined, "auditNotRunning");
}

/** Records one checklist item's result while the audit runs. */
export async function setChecklistItem(
  ctx: TenantContext,
  input: ChecklistItemInput,
): Promise<void> {
  await assertInProgress(ctx, input.auditId);
  const updated = await ctx.tx
    .update(complianceAuditChecklist)
    .set({ result: input.result, note: input.note ?? null, updatedAt: sql`now()` })
    .where(
      and(
        eq(complianceAuditChecklist.orgId, ctx.orgId),
        eq(complianceAuditChecklist.auditId, input.auditId),
        eq(complianceAuditChecklist.id, input.itemId),
      ),
    )
    .returning({ key: complianceAuditChecklist.requirementKey });
  if (updated.length === 0) throw new AppError("notFound");
  await ctx.audit({
    action: "compliance_audit.checklist_updated",
    targetType: "compliance_audit",
    targetId: input.auditId,
    details: { itemId: input.itemId, requirement: updated[0].key, result: input.result },
  });
}

/**
 * Records a finding while the audit runs: owned by a department and a person in it, with the
 * corrective action and its due day; it waits on the owner's My tasks until verified.
 */
export async function createAuditFinding(
  ctx: TenantContext,
  input: AuditFindingInput,
  today = todayIso(),
): Promise<string> {
  await assertInProgress(ctx, input.auditId);
  if (input.dueOn < today) throw new AppError("invalid", { dueOn: "dueInPast" });
  if (input.requirementKey) {
    const [item] = await ctx.tx
      .select({ id: complianceAuditChecklist.id })
      .from(complianceAuditChecklist)
      .where(
        and(
          eq(complianceAuditChecklist.orgId, ctx.orgId),
          eq(complianceAuditChecklist.auditId, input.auditId),
          eq(complianceAuditChecklist.requirementKey, input.requirementKey),
        ),
      );
    if (!item) throw new AppError("invalid", { requirementKey: "choice" });
  }
  await assertDepartmentExists(ctx.tx, ctx.orgId, input.ownerDepartmentId, "ownerDepartmentId");
  const members = await departmentMembers(ctx.tx, ctx.orgId, input.ownerDepartmentId);
  if (!members.some((m) => m.userId === input.ownerId))
    throw new AppError("invalid", { ownerId: "ownerNotInDepartment" });
  const [row] = await ctx.tx
    .insert(complianceAuditFindings)
    .values({
      orgId: ctx.orgId,
      auditId: input.auditId,
      requirementKey: input.requirementKey ?? null,
      severity: input.severity,
      title: input.title,
      description: input.description ?? null,
      ownerDepartmentId: input.ownerDepartmentId,
      ownerId: input.ownerId,
      correctiveAction: input.correctiveAction,
      dueOn: input.dueOn,
    })
    .returning({ id: complianceAuditFindings.id });
  await ctx.audit({
    action: "compliance_finding.created",
    targetType: "compliance_finding",
    targetId: row.id,
    details: {
      auditId: input.auditId,
      severity: input.severity,
      departmentId: input.ownerDepartmentId,
      ownerId: input.ownerId,
      dueOn: input.dueOn,
    },
  });
  return row.id;
}
