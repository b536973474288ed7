import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { securityAssessmentReports, securityAssessments, securityFindings } from "@/db/schema";
import { todayIso } from "@/lib/core/dates";
import { AppError } from "@/lib/core/errors";
import { cleanFileName, detectFileKind } from "@/lib/core/files/file-type";
import { actingUserId, type TenantContext } from "@/lib/core/tenancy/context";
import { isActiveMember } from "@/lib/users/queries";
import { getVendor } from "@/lib/vendors/queries";
import { remediationDueOn } from "./deadlines";
import { remediationPeriods } from "./periods";
import type { AssessmentInput, FindingInput, FindingStatusInput } from "./schemas";
import { canMoveFinding } from "./transitions";

export async function createAssessment(
  ctx: TenantContext,
  input: AssessmentInput,
): Promise<string> {
  const vendor = await getVendor(ctx.tx, ctx.orgId, input.testerVendorId);
  if (!vendor || vendor.archivedAt)
    throw new AppError("invalid", { testerVendorId: "testerNotVendor" });
  const [row] = await ctx.tx
    .insert(securityAssessments)
    .values({
      orgId: ctx.orgId,
      ...input,
      endedOn: input.endedOn ?? null,
      createdBy: actingUserId(ctx),
    })
    .returning({ id: securityAssessments.id });
  await ctx.audit({
    action: "security_assessment.created",
    targetType: "security_assessment",
    targetId: row.id,
    details: { kind: input.kind, vendorId: input.testerVendorId },
  });
  return row.id;
}

async function assertAssessment(ctx: TenantContext, id: string): Promise<void> {
  const [row] = await ctx.tx
    .select({ id: securityAssessments.id })
    .from(securityAssessments)
    .where(and(eq(securityAssessments.orgId, ctx.orgId), eq(securityAssessments.id, id)));
  if (!row) throw new AppError("notFound");
}

/** Stores (or replaces) the assessment's report: at most 10 MB, of a kind its bytes prove. */
export async function uploadReport(
  ctx: TenantContext,
  input: { assessmentId: string; fileName: string; bytes: Uint8Array },
): Promise<void> {
  await assertAssessment(ctx, input.assessmentId);
  const kind = detectFileKind(input.bytes);
  if (!kind) throw new AppError("invalid", { file: "fileType" });
  const values = {
    fileName: cleanFileName(input.fileName),
    kind,
    size: input.bytes.length,
    content: Buffer.from(input.bytes),
    uploadedBy: actingUserId(ctx),
  };
  await ctx.tx
    .insert(securityAssessmentReports)
    .values({ orgId: ctx.orgId, assessmentId: input.assessmentId, ...values })
    .onConflictDoUpdate({
      target: [securityAssessmentReports.orgId, securityAssessmentReports.assessmentId],
      set: { ...values, uploadedAt: sql`now()` },
    });
  await ctx.audit({
    action: "security_assessment.report_uploaded",
    targetType: "security_assessment",
    targetId: input.assessmentId,
    details: { kind, size: values.size },
  });
}

/** The report's bytes for a download, recorded in the audit log in the same transaction. */
export async function downloadReport(ctx: TenantContext, assessmentId: string) {
  const [row] = await ctx.tx
    .select()
    .from(securityAssessmentReports)
    .where(
      and(
        eq(securityAssessmentReports.orgId, ctx.orgId),
        eq(securityAssessmentReports.assessmentId, assessmentId),
      ),
    );
  if (!row) throw new AppError("notFound");
  await ctx.audit({
    action: "security_assessment.report_downloaded",
    targetType: "security_assessment",
    targetId: assessmentId,
    details: { kind: row.kind, size: row.size },
  });
  return row;
}

/** Records a finding; its deadline is computed from its priority and the organisation's periods, never typed. */
export async function createFinding(
  ctx: TenantContext,
  input: FindingInput,
  today = todayIso(),
): Promise<string> {
  await assertAssessment(ctx, input.assessmentId);
  if (input.foundOn > today) throw new AppError("invalid", { foundOn: "foundInFuture" });
  if (!(await isActiveMember(ctx.tx, ctx.orgId, input.ownerId)))
    throw new AppError("invalid", { ownerId: "ownerNotMember" });
  const dueOn = remediationDueOn(
    input.foundOn,
    input.priority,
    await remediationPeriods(ctx.tx, ctx.orgId),
  );
  const [row] = await ctx.tx
    .insert(securityFindings)
    .values({
      orgId: ctx.orgId,
      assessmentId: input.assessmentId,
      title: input.title,
      description: input.description ?? null,
      priority: input.priority,
      cvssScore: input.cvssScore === undefined ? null : input.cvssScore.toFixed(1),
      foundOn: input.foundOn,
      dueOn,
      ownerId: input.ownerId,
    })
    .returning({ id: securityFindings.id });
  await ctx.audit({
    action: "security_finding.created",
    targetType: "security_finding",
    targetId: row.id,
    details: {
      assessmentId: input.assessmentId,
      priority: input.priority,
      dueOn,
      ownerId: input.ownerId,
    },
  });
  return row.id;
}

/** One remediation step, with its evidence; a step the workflow does not allow is refused. */
export async function changeFindingStatus(
  ctx: TenantContext,
  input: FindingStatusInput,
): Promise<void> {
  const byId = and(eq(securityFindings.orgId, ctx.orgId), eq(securityFindings.id, input.findingId));
  const [current] = await ctx.tx
    .select({ status: securityFindings.status })
    .from(securityFindings)
    .where(byId)
    .for("update");
  if (!current) throw new AppError("notFound");
  if (!canMoveFinding(current.status, input.status))
    throw new AppError("conflict", undefined, "findingTransition");
  await ctx.tx
    .update(securityFindings)
    .set({
      status: input.status,
      ...(input.evidence !== undefined && { evidence: input.evidence }),
      updatedAt: sql`now()`,
    })
    .where(byId);
  await ctx.audit({
    action: "security_finding.status_changed",
    targetType: "security_finding",
    targetId: input.findingId,
    details: { from: current.status, to: input.status },
  });
}
