import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { incidents, memberships } from "@/db/schema";
import type { AuditActor } from "@/lib/core/audit/record";
import { tenantContext } from "@/lib/core/tenancy/context";
import { triageIncident } from "@/lib/incidents/commands";
import { proposeGrade } from "@/lib/incidents/grading";
import { nextIncidentReference } from "@/lib/incidents/reference";

const HOUR = 3_600_000;

/**
 * One demo incident in the demo organisation: a support employee's report of buyers' phone
 * numbers in a courier API log, discovered two hours ago and triaged as a confidentiality breach
 * of about 12,000 PIPL customers (一般: no CAC clock; the PIPL Art. 57 targets run).
 */
export async function seedIncidents(
  tx: Tx,
  orgId: string,
  size: "full" | "few",
  actor: AuditActor,
): Promise<void> {
  if (size !== "full") return;
  const [reporter] = await tx
    .select({ userId: memberships.userId, departmentId: memberships.departmentId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "employee")))
    .limit(1);
  if (!reporter) return;
  const ctx = tenantContext(tx, orgId, actor);
  const now = Date.now();
  const reference = await nextIncidentReference(tx, orgId, new Date(now).toISOString().slice(0, 4));
  const [row] = await tx
    .insert(incidents)
    .values({
      orgId,
      reference,
      summary: "物流接口日志中出现买家手机号",
      description:
        "客服在排查配送投诉时发现，第三方物流接口的调试日志记录了完整的收件人手机号，该日志对外部运维人员可见。已要求物流方关闭调试日志。",
      discoveredAt: new Date(now - 2 * HOUR),
      reportedBy: reporter.userId,
      departmentId: reporter.departmentId,
      systems: ["订单系统", "物流接口"],
      dataCategories: ["contact", "transactions"],
      estimatedAffected: 12_000,
      proposedGrade: proposeGrade(12_000, null),
    })
    .returning({ id: incidents.id });
  await ctx.audit({
    action: "incident.reported",
    targetType: "incident",
    targetId: row.id,
    details: { reference, vendor: false },
  });
  await triageIncident(ctx, {
    id: row.id,
    classification: "pi_breach",
    breachTypes: ["confidentiality"],
    estimatedAffected: 12_000,
    affectedLaws: ["PIPL"],
    drill: false,
  });
}
