import type { Tx } from "@/db/client";
import type { RiskTreatment } from "@/db/schema/risks";
import type { AuditActor } from "@/lib/core/audit/record";
import { addMonths, todayIso } from "@/lib/core/dates";
import { tenantContext } from "@/lib/core/tenancy/context";
import { createRisk, linkRisk } from "@/lib/risks/commands";
import { findingOptions } from "@/lib/security-tests/queries";
import { vendorOptions } from "@/lib/vendors/queries";
import { memberIdByEmail } from "./members";

interface Spec {
  title: string;
  owner: string;
  inherent: [number, number];
  residual: [number, number];
  treatment: RiskTreatment;
  reviewInMonths: number;
  findings?: string[];
  vendors?: string[];
}

const demo: Spec[] = [
  {
    title: "买家手机号批量泄露",
    owner: "dpo@demo.example",
    inherent: [3, 5],
    residual: [2, 5],
    treatment: "mitigate",
    reviewInMonths: 3,
    findings: ["订单导出接口存在越权访问"],
    vendors: ["阿里云"],
  },
  {
    title: "短信服务商超期留存验证码与手机号",
    owner: "admin@demo.example",
    inherent: [2, 3],
    residual: [2, 2],
    treatment: "transfer",
    reviewInMonths: 6,
    vendors: ["腾讯云短信"],
  },
  {
    title: "旧版 App 仍读取设备标识",
    owner: "manager@demo.example",
    inherent: [4, 3],
    residual: [3, 2],
    treatment: "accept",
    reviewInMonths: 2,
  },
  {
    title: "跨境传输未完成个人信息保护影响评估",
    owner: "dpo@demo.example",
    inherent: [3, 4],
    residual: [3, 4],
    treatment: "mitigate",
    reviewInMonths: 1,
  },
];

const few: Spec[] = [
  {
    title: "Support tickets kept beyond their retention period",
    owner: "dpo@harbour.example",
    inherent: [3, 3],
    residual: [2, 3],
    treatment: "mitigate",
    reviewInMonths: 3,
    vendors: ["Zendesk"],
  },
];

/** Demo risks through the module's commands; the accepted one awaits a person's approval (four-eyes). */
export async function seedRisks(
  tx: Tx,
  orgId: string,
  size: "full" | "few",
  actor: AuditActor,
): Promise<void> {
  const ctx = tenantContext(tx, orgId, actor);
  const today = todayIso();
  const findings = await findingOptions(tx, orgId);
  const vendors = await vendorOptions(tx, orgId);
  for (const spec of size === "full" ? demo : few) {
    const ownerId = await memberIdByEmail(tx, orgId, spec.owner);
    if (!ownerId) continue;
    const id = await createRisk(ctx, {
      title: spec.title,
      ownerId,
      treatment: spec.treatment,
      reviewOn: addMonths(today, spec.reviewInMonths),
      inherentLikelihood: spec.inherent[0],
      inherentImpact: spec.inherent[1],
      residualLikelihood: spec.residual[0],
      residualImpact: spec.residual[1],
    });
    for (const title of spec.findings ?? []) {
      const finding = findings.find((f) => f.title === title);
      if (finding) await linkRisk(ctx, { id, kind: "finding", targetId: finding.id });
    }
    for (const name of spec.vendors ?? []) {
      const vendor = vendors.find((v) => v.name === name);
      if (vendor) await linkRisk(ctx, { id, kind: "vendor", targetId: vendor.id });
    }
  }
}
