import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { complianceAuditChecklist, departments } from "@/db/schema";
import type { AuditActor } from "@/lib/core/audit/record";
import { addDays, todayIso } from "@/lib/core/dates";
import { tenantContext } from "@/lib/core/tenancy/context";
import {
  createAudit,
  createAuditFinding,
  setChecklistItem,
  stepAudit,
} from "@/lib/compliance-audits/commands";
import { evaluateControls } from "@/lib/controls/evaluate";
import { memberIdByEmail } from "./members";

/**
 * Today's evaluation of every control, and for the demo organisation an internal PIPL audit in
 * progress (its evidence taken at the start) with two checklist results and a finding owned by
 * 客服, which waits on 刘洋's My tasks and on the department's page.
 */
export async function seedCompliance(
  tx: Tx,
  orgId: string,
  size: "full" | "few",
  actor: AuditActor,
): Promise<void> {
  const ctx = tenantContext(tx, orgId, actor);
  if (size === "full") {
    const auditor = await memberIdByEmail(tx, orgId, "auditor@demo.example");
    const owner = await memberIdByEmail(tx, orgId, "employee@demo.example");
    const [service] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.orgId, orgId), eq(departments.name, "客服")));
    if (auditor && owner && service) {
      const today = todayIso();
      const auditId = await createAudit(ctx, {
        title: "2026年度个人信息保护合规审计",
        kind: "routine",
        scope:
          "买家 App、商家后台、客服工单系统及短信、云服务等受托方；覆盖收集、使用、提供、删除全流程。",
        laws: ["PIPL"],
        auditorType: "internal",
        auditorUserId: auditor,
        plannedStart: addDays(today, -7),
        plannedEnd: addDays(today, 30),
      });
      await stepAudit(ctx, { auditId, step: "start" });
      const items = await tx
        .select({ id: complianceAuditChecklist.id, key: complianceAuditChecklist.requirementKey })
        .from(complianceAuditChecklist)
        .where(
          and(
            eq(complianceAuditChecklist.orgId, orgId),
            eq(complianceAuditChecklist.auditId, auditId),
          ),
        );
      const results = {
        "PIPL-17": ["conforming", "隐私政策逐项列明收集项与第三方，版本记录完整。"],
        "PIPL-50": ["nonconforming", "抽查20单电话渠道的删除请求，6单未留存身份核验记录。"],
      } as const;
      for (const item of items) {
        const result = results[item.key as keyof typeof results];
        if (result)
          await setChecklistItem(ctx, {
            auditId,
            itemId: item.id,
            result: result[0],
            note: result[1],
          });
      }
      await createAuditFinding(ctx, {
        auditId,
        severity: "minor",
        title: "电话渠道权利请求缺少身份核验记录",
        requirementKey: "PIPL-50",
        description: "客服受理电话渠道的删除和查阅请求时，核验方式只口头确认，工单中没有记录。",
        ownerDepartmentId: service.id,
        ownerId: owner,
        correctiveAction: "工单增加必填的核验方式字段，并对客服开展一次身份核验专项培训。",
        dueOn: addDays(today, 21),
      });
    }
  }
  await evaluateControls(ctx);
}
