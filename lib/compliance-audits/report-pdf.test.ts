import { describe, expect, it } from "vitest";
import { pageCount, renderPage } from "@/tests/pdf-page-image";
import type { AuditReportData } from "./report";
import { auditReportPdf } from "./report-pdf";

const t = (key: string) => `«${key}»`;
const sampleReport: AuditReportData = {
  audit: {
    id: "00000000-0000-4000-8000-000000000001",
    title: "2026年度个人信息保护合规审计",
    kind: "routine",
    regulatorOrder: null,
    scope: "买家 App、商家后台、客服工单系统",
    laws: ["PIPL"],
    status: "in_progress",
    plannedStart: "2026-12-01",
    plannedEnd: "2026-12-31",
    actualStart: "2026-12-01",
    actualEnd: null,
    conclusion: null,
    auditorType: "internal",
    auditorName: "赵敏",
  },
  evidence: [
    {
      orgId: "o",
      auditId: "a",
      controlId: "policy_acknowledgements",
      status: "partly",
      numerator: 5,
      denominator: 6,
      details: {},
      takenAt: new Date("2026-12-01T02:00:00Z"),
    },
  ],
  checklist: [
    {
      orgId: "o",
      id: "c",
      auditId: "a",
      requirementKey: "PIPL-50",
      requirementVersion: 1,
      result: "nonconforming",
      note: "6单未留存身份核验记录",
      updatedAt: new Date(),
    },
  ],
  findings: [
    {
      id: "f",
      auditId: "a",
      auditTitle: "2026年度个人信息保护合规审计",
      requirementKey: "PIPL-50",
      severity: "minor",
      title: "电话渠道权利请求缺少身份核验记录",
      description: null,
      ownerDepartmentId: "d",
      department: "客服",
      ownerId: "u",
      owner: "刘洋",
      correctiveAction: "工单增加核验字段",
      dueOn: "2026-12-29",
      status: "open",
      correctionNote: null,
      verificationNote: null,
    },
  ],
};

describe("the audit report PDF", () => {
  it("sets the audit, its evidence, checklist and findings, Chinese included", async () => {
    const pdf = await auditReportPdf(sampleReport, t, "zh-CN");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
    const text = Array.from({ length: pageCount(pdf) }, (_, i) => renderPage(pdf, i).text).join("");
    const compact = text.replace(/\s+/g, "");
    for (const expected of [
      "2026年度个人信息保护合规审计",
      "电话渠道权利请求缺少身份核验记录",
      "受理和处理权利请求",
      "83.3%(5/6)",
      "赵敏",
    ])
      expect(compact).toContain(expected);
  });
});
