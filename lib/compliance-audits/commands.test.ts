import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createAuditFindingAction,
  checklistItemAction,
  stepAuditAction,
} from "@/app/(console)/compliance-audits/[id]/actions";
import { stepAuditFindingAction } from "@/app/(console)/compliance-audits/findings/[id]/actions";
import { createAuditAction } from "@/app/(console)/compliance-audits/new/actions";
import { GET as reportRoute } from "@/app/(console)/compliance-audits/[id]/report/route";
import { closeAppDb } from "@/db/client";
import {
  complianceAuditChecklist,
  complianceAuditEvidence,
  complianceAuditFindings,
  complianceAudits,
} from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { addDays, todayIso } from "@/lib/core/dates";
import { requirementsInForce } from "@/lib/requirements/versions";
import { pendingTaskCount } from "@/lib/tasks/pending";
import { insertVendor } from "@/lib/vendors/test-support";
import { fieldErrorsOf, redirectOf } from "@/tests/action-outcome";
import { auditOfTarget, lastAudit } from "@/tests/audit";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { auditFindingsOwnedBy, lastCompletedAuditEnd, openFindingsOfDepartment } from "./queries";
import { departmentWith } from "./test-support";

afterAll(closeAppDb);

const today = todayIso();
let orgId: string;
let officer: string;
let auditor: string;
let manager: string;
let employee: string;
let outsider: string;
let serviceDept: string;
let auditId: string;

const audits = () =>
  withTenant(orgId, (tx) =>
    tx.select().from(complianceAudits).where(eq(complianceAudits.orgId, orgId)),
  );
const auditForm = (overrides: Record<string, string | string[] | undefined> = {}) =>
  form({
    title: "2026 个人信息保护合规审计",
    kind: "routine",
    scope: "买家 App 与客服流程",
    laws: ["PIPL"],
    auditorType: "internal",
    auditorUserId: auditor,
    plannedStart: today,
    plannedEnd: addDays(today, 30),
    ...overrides,
  });
const findingForm = (overrides: Record<string, string | undefined> = {}) =>
  form({
    auditId,
    severity: "major",
    title: "客服核验身份步骤缺失",
    requirementKey: "PIPL-50",
    ownerDepartmentId: serviceDept,
    ownerId: employee,
    correctiveAction: "上线身份核验清单并培训客服",
    dueOn: addDays(today, 14),
    ...overrides,
  });

beforeAll(async () => {
  ({ orgId } = await createOrg());
  [officer, auditor, manager, employee] = [
    await createMember(orgId, "privacy_officer"),
    await createMember(orgId, "auditor"),
    await createMember(orgId, "manager"),
    await createMember(orgId, "employee"),
  ];
  outsider = await createMember(orgId, "employee");
  serviceDept = await departmentWith(orgId, "客服", [manager, employee], manager);
});
beforeEach(() => actAs(officer, orgId));

describe("planning an audit", () => {
  it("refuses bad input next to its fields and writes nothing", async () => {
    const state = await createAuditAction(
      idle,
      auditForm({ laws: undefined, plannedEnd: addDays(today, -1), kind: "regulator_ordered" }),
    );
    expect(fieldErrorsOf(state)).toMatchObject({ laws: expect.any(String) });
    const second = await createAuditAction(idle, auditForm({ kind: "regulator_ordered" }));
    expect(fieldErrorsOf(second)).toMatchObject({ regulatorOrder: expect.any(String) });
    const third = await createAuditAction(idle, auditForm({ auditorUserId: undefined }));
    expect(fieldErrorsOf(third)).toMatchObject({ auditorUserId: expect.any(String) });
    expect(await audits()).toEqual([]);
  });

  it("refuses an auditor who is no member and a vendor of another organisation", async () => {
    const { orgId: other } = await createOrg();
    const foreignVendor = await insertVendor(other, { name: "Elsewhere Audit" });
    const state = await createAuditAction(
      idle,
      auditForm({
        auditorType: "vendor",
        auditorUserId: undefined,
        auditorVendorId: foreignVendor,
      }),
    );
    expect(fieldErrorsOf(state)).toMatchObject({ auditorVendorId: expect.any(String) });
    expect(await audits()).toEqual([]);
  });

  it("is for officers only: the auditor and the manager are refused", async () => {
    for (const who of [auditor, manager]) {
      await actAs(who, orgId);
      const state = await createAuditAction(idle, auditForm());
      expect(state.status).toBe("error");
    }
    expect(await audits()).toEqual([]);
  });

  it("writes the checklist from the PIPL requirements in force, audited in the same transaction", async () => {
    const path = await redirectOf(createAuditAction(idle, auditForm()));
    auditId = /^\/compliance-audits\/([0-9a-f-]{36})$/.exec(path)![1];
    const checklist = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(complianceAuditChecklist)
        .where(eq(complianceAuditChecklist.auditId, auditId)),
    );
    const pipl = requirementsInForce(today, "PIPL");
    expect(checklist.map((c) => c.requirementKey).sort()).toEqual(pipl.map((r) => r.key).sort());
    expect(checklist.every((c) => c.result === "pending")).toBe(true);
    expect(await lastAudit(orgId)).toMatchObject({
      action: "compliance_audit.created",
      targetId: auditId,
      details: { kind: "routine", laws: ["PIPL"], requirements: pipl.length, auditor: "internal" },
    });
  });
});

describe("running an audit", () => {
  it("records no finding before it starts", async () => {
    const state = await createAuditFindingAction(idle, findingForm());
    expect(state.status).toBe("error");
  });

  it("starting takes the controls' evidence as it stands, once", async () => {
    expect((await stepAuditAction(idle, form({ auditId, step: "start" }))).status).toBe("ok");
    const evidence = await withTenant(orgId, (tx) =>
      tx.select().from(complianceAuditEvidence).where(eq(complianceAuditEvidence.auditId, auditId)),
    );
    expect(evidence.map((e) => e.controlId)).toContain("policy_acknowledgements");
    expect(evidence.find((e) => e.controlId === "training_completion")?.status).toBe("no_data");
    const [audit] = await audits();
    expect(audit).toMatchObject({ status: "in_progress", actualStart: today });
    // A second start is a conflict: the snapshot is not retaken.
    expect((await stepAuditAction(idle, form({ auditId, step: "start" }))).status).toBe("error");
    expect((await auditOfTarget(orgId, auditId)).map((e) => e.action)).toEqual([
      "compliance_audit.created",
      "compliance_audit.started",
    ]);
  });

  it("records checklist results", async () => {
    const [item] = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(complianceAuditChecklist)
        .where(eq(complianceAuditChecklist.requirementKey, "PIPL-50")),
    );
    const state = await checklistItemAction(
      idle,
      form({ auditId, itemId: item.id, result: "nonconforming", note: "无核验记录" }),
    );
    expect(state.status).toBe("ok");
    expect(await lastAudit(orgId)).toMatchObject({
      action: "compliance_audit.checklist_updated",
      details: { requirement: "PIPL-50", result: "nonconforming" },
    });
  });

  it("refuses a finding whose owner is not in the owning department, or due in the past", async () => {
    expect(
      fieldErrorsOf(await createAuditFindingAction(idle, findingForm({ ownerId: outsider }))),
    ).toMatchObject({
      ownerId: expect.any(String),
    });
    expect(
      fieldErrorsOf(
        await createAuditFindingAction(idle, findingForm({ dueOn: addDays(today, -1) })),
      ),
    ).toMatchObject({
      dueOn: expect.any(String),
    });
    expect(
      fieldErrorsOf(
        await createAuditFindingAction(idle, findingForm({ requirementKey: "GDPR-33" })),
      ),
    ).toMatchObject({
      requirementKey: expect.any(String),
    });
    const rows = await withTenant(orgId, (tx) => tx.select().from(complianceAuditFindings));
    expect(rows).toEqual([]);
  });

  it("a finding lands on its owner's My tasks and on the department's page", async () => {
    expect((await createAuditFindingAction(idle, findingForm())).status).toBe("ok");
    const [owned] = await withTenant(orgId, (tx) => auditFindingsOwnedBy(tx, orgId, employee));
    expect(owned).toMatchObject({
      title: "客服核验身份步骤缺失",
      severity: "major",
      department: "客服",
    });
    expect(
      await withTenant(orgId, (tx) =>
        pendingTaskCount(tx, orgId, { userId: employee, role: "employee" }),
      ),
    ).toBe(1);
    expect(
      await withTenant(orgId, (tx) => openFindingsOfDepartment(tx, orgId, serviceDept)),
    ).toHaveLength(1);
    expect(await lastAudit(orgId)).toMatchObject({
      action: "compliance_finding.created",
      details: { severity: "major", departmentId: serviceDept, ownerId: employee },
    });
  });

  it("the owner corrects it; only whoever manages audits verifies it; nobody else touches it", async () => {
    const [finding] = await withTenant(orgId, (tx) => auditFindingsOwnedBy(tx, orgId, employee));
    await actAs(outsider, orgId);
    const step = (s: string, note = "已上线核验清单") =>
      stepAuditFindingAction(idle, form({ findingId: finding.id, step: s, note }));
    expect((await step("corrected")).status).toBe("error");
    await actAs(employee, orgId);
    expect(fieldErrorsOf(await step("corrected", ""))).toMatchObject({ note: expect.any(String) });
    expect((await step("corrected")).status).toBe("ok");
    expect(await withTenant(orgId, (tx) => auditFindingsOwnedBy(tx, orgId, employee))).toEqual([]);
    expect((await step("verified", "抽查10单")).status).toBe("error");
    await actAs(auditor, orgId);
    expect((await step("verified", "抽查10单")).status).toBe("error");
    await actAs(officer, orgId);
    expect((await step("verified", "抽查10单")).status).toBe("ok");
    expect((await auditOfTarget(orgId, finding.id)).map((e) => e.details)).toEqual([
      expect.objectContaining({ severity: "major" }),
      { from: "open", to: "corrected" },
      { from: "corrected", to: "verified" },
    ]);
  });

  it("completes with a conclusion, which starts the two-year clock", async () => {
    expect(
      fieldErrorsOf(await stepAuditAction(idle, form({ auditId, step: "complete" }))),
    ).toMatchObject({
      conclusion: expect.any(String),
    });
    expect(
      (await stepAuditAction(idle, form({ auditId, step: "complete", conclusion: "基本符合" })))
        .status,
    ).toBe("ok");
    expect(await withTenant(orgId, (tx) => lastCompletedAuditEnd(tx, orgId))).toBe(today);
  });

  it("the report downloads as a PDF, or as CSV, for the auditor, each download audited", async () => {
    await actAs(auditor, orgId);
    const get = (query = "") =>
      reportRoute(new Request(`http://localhost/x${query}`), {
        params: Promise.resolve({ id: auditId }),
      });
    const pdf = await get();
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect(await lastAudit(orgId)).toMatchObject({
      action: "compliance_audit.report_downloaded",
      actorId: auditor,
      details: { format: "pdf", findings: 1 },
    });
    const csv = await get("?format=csv");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain("客服核验身份步骤缺失");
    expect(text).toContain("PIPL");
    expect(await lastAudit(orgId)).toMatchObject({ details: { format: "csv", findings: 1 } });
    await actAs(employee, orgId);
    expect((await get()).status).toBe(403);
  });
});
