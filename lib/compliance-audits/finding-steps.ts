import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { complianceAuditFindings, type AuditFindingStatus } from "@/db/schema";
import { can } from "@/lib/core/authz/permissions";
import type { Role } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import type { TenantContext } from "@/lib/core/tenancy/context";
import type { FindingStepInput } from "./schemas";

/** Which step moves a finding from which status, and who may take it. */
const steps: Record<
  FindingStepInput["step"],
  { from: AuditFindingStatus; to: AuditFindingStatus; by: "owner" | "auditor" }
> = {
  corrected: { from: "open", to: "corrected", by: "owner" },
  verified: { from: "corrected", to: "verified", by: "auditor" },
  reopened: { from: "corrected", to: "open", by: "auditor" },
};

/**
 * The owner records the corrective action as done (an officer may for them); whoever manages
 * audits verifies it, or sends it back. Each step keeps its note.
 */
export async function stepAuditFinding(
  ctx: TenantContext,
  viewer: { userId: string; role: Role },
  input: FindingStepInput,
): Promise<void> {
  const byId = and(
    eq(complianceAuditFindings.orgId, ctx.orgId),
    eq(complianceAuditFindings.id, input.findingId),
  );
  const [finding] = await ctx.tx
    .select({ status: complianceAuditFindings.status, ownerId: complianceAuditFindings.ownerId })
    .from(complianceAuditFindings)
    .where(byId)
    .for("update");
  const manages = can(viewer.role, "compliance_audits.manage");
  if (!finding || (!manages && finding.ownerId !== viewer.userId)) throw new AppError("notFound");
  const step = steps[input.step];
  if (step.by === "auditor" && !manages) throw new AppError("forbidden");
  if (finding.status !== step.from) throw new AppError("conflict", undefined, "findingStep");
  await ctx.tx
    .update(complianceAuditFindings)
    .set({
      status: step.to,
      ...(input.step === "corrected"
        ? { correctionNote: input.note }
        : { verificationNote: input.note }),
      updatedAt: sql`now()`,
    })
    .where(byId);
  await ctx.audit({
    action: "compliance_finding.status_changed",
    targetType: "compliance_finding",
    targetId: input.findingId,
    details: { from: finding.status, to: step.to },
  });
}
