import type { Tx } from "@/db/client";
import type { FindingPriority, FindingStatus } from "@/db/schema/security-tests";
import type { AuditActor } from "@/lib/core/audit/record";
import { addDays, todayIso } from "@/lib/core/dates";
import { tenantContext } from "@/lib/core/tenancy/context";
import {
  changeFindingStatus,
  createAssessment,
  createFinding,
} from "@/lib/security-tests/commands";
import { findingTransitions } from "@/lib/security-tests/transitions";
import { vendorOptions } from "@/lib/vendors/queries";
import { memberIdByEmail } from "./members";

interface FindingSpec {
  title: string;
  priority: FindingPriority;
  foundDaysAgo: number;
  owner: string;
  status?: FindingStatus;
}
interface AssessmentSpec {
  kind: "penetration_test" | "vulnerability_scan";
  title: string;
  scope: string;
  vendor: string;
  startedDaysAgo: number;
  findings: FindingSpec[];
}

// Dates are days before today so the demo never goes stale; one finding is past its deadline.
const demo: AssessmentSpec[] = [
  {
    kind: "penetration_test",
    title: "2026 年度 App 与后台渗透测试",
    scope: "买家 App（iOS / Android）、商家后台、订单与转让接口；不含支付通道。",
    vendor: "网易易盾",
    startedDaysAgo: 30,
    findings: [
      {
        title: "订单导出接口存在越权访问",
        priority: "P1",
        foundDaysAgo: 3,
        owner: "admin@demo.example",
        status: "in_remediation",
      },
      {
        title: "后台管理接口未限制登录尝试次数",
        priority: "P2",
        foundDaysAgo: 20,
        owner: "admin@demo.example",
      },
      {
        title: "客服工单附件可被枚举下载",
        priority: "P3",
        foundDaysAgo: 25,
        owner: "employee@demo.example",
      },
    ],
  },
  {
    kind: "vulnerability_scan",
    title: "外网资产季度漏洞扫描",
    scope: "全部公网 IP 与域名。",
    vendor: "阿里云",
    startedDaysAgo: 200,
    findings: [
      {
        title: "负载均衡仍启用 TLS 1.0",
        priority: "P4",
        foundDaysAgo: 199,
        owner: "admin@demo.example",
      },
    ],
  },
];

const few: AssessmentSpec[] = [
  {
    kind: "vulnerability_scan",
    title: "Quarterly external scan",
    scope: "Public IP ranges and domains.",
    vendor: "Alibaba Cloud",
    startedDaysAgo: 10,
    findings: [
      {
        title: "Outdated nginx on the status page",
        priority: "P3",
        foundDaysAgo: 9,
        owner: "dpo@harbour.example",
      },
    ],
  },
];

/** Walks a finding through the workflow to the wanted status (each step audited like a person's). */
async function moveTo(
  ctx: ReturnType<typeof tenantContext>,
  findingId: string,
  status: FindingStatus,
) {
  let current: FindingStatus = "open";
  while (current !== status) {
    const next: FindingStatus = findingTransitions[current][0];
    await changeFindingStatus(ctx, {
      findingId,
      status: next,
      evidence: next === "in_remediation" ? undefined : "演示数据",
    });
    current = next;
  }
}

/** Demo assessments and findings, each through the module's commands (audited as the seed). */
export async function seedSecurityTests(
  tx: Tx,
  orgId: string,
  size: "full" | "few",
  actor: AuditActor,
): Promise<void> {
  const ctx = tenantContext(tx, orgId, actor);
  const today = todayIso();
  const vendors = await vendorOptions(tx, orgId);
  for (const spec of size === "full" ? demo : few) {
    const vendor = vendors.find((v) => v.name === spec.vendor) ?? vendors[0];
    if (!vendor) return;
    const assessmentId = await createAssessment(ctx, {
      kind: spec.kind,
      title: spec.title,
      scope: spec.scope,
      testerVendorId: vendor.id,
      startedOn: addDays(today, -spec.startedDaysAgo),
      endedOn: addDays(today, Math.min(0, 5 - spec.startedDaysAgo)),
    });
    for (const f of spec.findings) {
      const ownerId = await memberIdByEmail(tx, orgId, f.owner);
      if (!ownerId) continue;
      const id = await createFinding(
        ctx,
        {
          assessmentId,
          title: f.title,
          priority: f.priority,
          foundOn: addDays(today, -f.foundDaysAgo),
          ownerId,
        },
        today,
      );
      if (f.status) await moveTo(ctx, id, f.status);
    }
  }
}
