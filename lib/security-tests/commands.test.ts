import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createFindingAction,
  uploadReportAction,
} from "@/app/(console)/security-tests/[id]/actions";
import { changeFindingStatusAction } from "@/app/(console)/security-tests/findings/[id]/actions";
import { createAssessmentAction } from "@/app/(console)/security-tests/new/actions";
import { setPeriodsAction } from "@/app/(console)/security-tests/settings/actions";
import { closeAppDb } from "@/db/client";
import { departments, memberships, securityAssessmentReports, securityFindings } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { addDays, todayIso } from "@/lib/core/dates";
import { insertVendor } from "@/lib/vendors/test-support";
import { fieldErrorsOf, redirectOf } from "@/tests/action-outcome";
import { lastAudit } from "@/tests/audit";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { downloadReport } from "./commands";
import { findingsOwnedBy, getFinding, overdueFindings } from "./queries";
import { tenantContext } from "@/lib/core/tenancy/context";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let employeeId: string;
let vendorId: string;
let assessmentId: string;
const today = todayIso();

const findings = () =>
  withTenant(orgId, (tx) =>
    tx.select().from(securityFindings).where(eq(securityFindings.orgId, orgId)),
  );
const findingForm = (overrides: Record<string, string | undefined> = {}) =>
  form({
    assessmentId,
    title: "SQL injection in order search",
    priority: "P1",
    foundOn: today,
    ownerId: employeeId,
    ...overrides,
  });
const fileForm = (bytes: Uint8Array, name: string) => {
  const data = new FormData();
  data.set("assessmentId", assessmentId);
  data.set("file", new File([new Uint8Array(bytes)], name));
  return data;
};

beforeAll(async () => {
  ({ orgId } = await createOrg());
  [officerId, employeeId] = [
    await createMember(orgId, "privacy_officer"),
    await createMember(orgId, "employee"),
  ];
  vendorId = await insertVendor(orgId, { name: "Pen Testers Ltd" });
  await actAs(officerId, orgId);
  const path = await redirectOf(
    createAssessmentAction(
      idle,
      form({
        kind: "penetration_test",
        title: "Annual pen test",
        scope: "App and admin",
        testerVendorId: vendorId,
        startedOn: addDays(today, -10),
      }),
    ),
  );
  assessmentId = /^\/security-tests\/([0-9a-f-]{36})$/.exec(path)![1];
});
beforeEach(() => actAs(officerId, orgId));

describe("assessments", () => {
  it("are recorded with a vendor as tester, audited", async () => {
    expect(await lastAudit(orgId)).toMatchObject({
      action: "security_assessment.created",
      targetId: assessmentId,
      actorId: officerId,
      details: { kind: "penetration_test", vendorId },
    });
  });

  it.each([
    ["an unknown kind", { kind: "audit" }, "kind", "errors.choice"],
    [
      "an end before the start",
      { endedOn: addDays(today, -20) },
      "endedOn",
      "errors.assessmentEndBeforeStart",
    ],
    [
      "a tester that is no vendor here",
      { testerVendorId: "0b7e6a52-3c1d-4f6e-9a2b-1c2d3e4f5a6b" },
      "testerVendorId",
      "errors.testerNotVendor",
    ],
  ])("refuse %s and write nothing", async (_, overrides, field, message) => {
    const head = await lastAudit(orgId);
    const state = await createAssessmentAction(
      idle,
      form({
        kind: "code_audit",
        title: "Audit",
        scope: "API",
        testerVendorId: vendorId,
        startedOn: addDays(today, -10),
        ...overrides,
      }),
    );
    expect(fieldErrorsOf(state)?.[field]).toBe(message);
    expect((await lastAudit(orgId)).seq).toBe(head.seq);
  });
});

describe("the report file", () => {
  it("is refused when its bytes are no accepted type, whatever its name", async () => {
    const state = await uploadReportAction(
      idle,
      fileForm(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]), "report.pdf"),
    );
    expect(fieldErrorsOf(state)?.file).toBe("errors.fileType");
    expect(
      await withTenant(orgId, (tx) =>
        tx
          .select()
          .from(securityAssessmentReports)
          .where(eq(securityAssessmentReports.orgId, orgId)),
      ),
    ).toEqual([]);
  });

  it("is refused above 10 MB", async () => {
    const state = await uploadReportAction(
      idle,
      fileForm(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41), "big.txt"),
    );
    expect(fieldErrorsOf(state)?.file).toBe("errors.fileTooLarge");
  });

  it("is stored with the type its content shows, and each download is audited", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.7\nreport");
    expect((await uploadReportAction(idle, fileForm(pdf, "../报告.pdf"))).status).toBe("ok");
    expect(await lastAudit(orgId)).toMatchObject({
      action: "security_assessment.report_uploaded",
      details: { kind: "pdf", size: pdf.length },
    });
    const row = await withTenant(orgId, (tx) =>
      downloadReport(tenantContext(tx, orgId, { type: "user", id: officerId }), assessmentId),
    );
    expect(row).toMatchObject({ fileName: "报告.pdf", kind: "pdf" });
    expect(new Uint8Array(row.content)).toEqual(pdf);
    expect(await lastAudit(orgId)).toMatchObject({
      action: "security_assessment.report_downloaded",
      targetId: assessmentId,
      actorId: officerId,
    });
  });
});

describe("findings", () => {
  it("get a deadline computed from their priority (default 7 days for P1), never typed", async () => {
    const state = await createFindingAction(
      idle,
      findingForm({ foundOn: addDays(today, -2), dueOn: "2099-01-01" }),
    );
    expect(state.status).toBe("ok");
    const [row] = (await findings()).filter((f) => f.title === "SQL injection in order search");
    expect(row).toMatchObject({
      priority: "P1",
      dueOn: addDays(today, 5),
      status: "open",
      ownerId: employeeId,
    });
    expect(await lastAudit(orgId)).toMatchObject({
      action: "security_finding.created",
      details: { priority: "P1", dueOn: addDays(today, 5) },
    });
  });

  it("follow the organisation's own periods once set", async () => {
    expect(
      (await setPeriodsAction(idle, form({ P1: "3", P2: "14", P3: "60", P4: "120" }))).status,
    ).toBe("ok");
    await createFindingAction(
      idle,
      findingForm({ title: "Weak TLS", priority: "P3", foundOn: addDays(today, -1) }),
    );
    expect((await findings()).find((f) => f.title === "Weak TLS")?.dueOn).toBe(addDays(today, 59));
    expect(
      fieldErrorsOf(await setPeriodsAction(idle, form({ P1: "30", P2: "14", P3: "60", P4: "120" })))
        ?.P4,
    ).toBe("errors.periodsOrder");
  });

  it.each([
    ["a future discovery", { foundOn: addDays(today, 1) }, "foundOn", "errors.foundInFuture"],
    [
      "an owner who is not a member",
      { ownerId: "0b7e6a52-3c1d-4f6e-9a2b-1c2d3e4f5a6b" },
      "ownerId",
      "errors.ownerNotMember",
    ],
    ["a CVSS score above 10", { cvssScore: "10.5" }, "cvssScore", "errors.tooBig"],
    ["an unknown priority", { priority: "P0" }, "priority", "errors.choice"],
  ])("refuse %s and write nothing", async (_, overrides, field, message) => {
    const before = (await findings()).length;
    expect(
      fieldErrorsOf(
        await createFindingAction(idle, findingForm({ title: "Refused", ...overrides })),
      )?.[field],
    ).toBe(message);
    expect((await findings()).length).toBe(before);
  });

  it("move through remediation with evidence, and a failed retest goes back", async () => {
    const id = (await findings()).find((f) => f.title === "Weak TLS")!.id;
    const step = (status: string, evidence?: string) =>
      changeFindingStatusAction(idle, form({ findingId: id, status, evidence }));
    expect((await step("fixed", "patched")).status).toBe("error"); // open → fixed skips remediation
    expect((await step("in_remediation")).status).toBe("ok");
    expect(fieldErrorsOf(await step("fixed"))?.evidence).toBe("errors.evidenceRequired");
    expect((await step("fixed", "TLS 1.0 disabled")).status).toBe("ok");
    expect((await step("retest_failed", "still offered on port 8443")).status).toBe("ok");
    expect((await step("in_remediation")).status).toBe("ok");
    const [row] = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(securityFindings)
        .where(and(eq(securityFindings.orgId, orgId), eq(securityFindings.id, id))),
    );
    expect(row).toMatchObject({ status: "in_remediation", evidence: "still offered on port 8443" });
    expect(await lastAudit(orgId)).toMatchObject({
      action: "security_finding.status_changed",
      details: { from: "retest_failed", to: "in_remediation" },
    });
  });

  it("past their deadline are overdue on the overview and on their owner's tasks until fixed", async () => {
    await createFindingAction(
      idle,
      findingForm({ title: "Exposed admin panel", priority: "P1", foundOn: addDays(today, -30) }),
    );
    const overdue = await withTenant(orgId, (tx) =>
      overdueFindings(tx, orgId, { all: true }, today),
    );
    expect(overdue.rows.map((r) => r.title)).toEqual(["Exposed admin panel"]);
    expect(overdue.total).toBe(1);
    const owned = await withTenant(orgId, (tx) => findingsOwnedBy(tx, orgId, employeeId));
    expect(owned.map((f) => f.title)).toContain("Exposed admin panel");
    expect(await withTenant(orgId, (tx) => findingsOwnedBy(tx, orgId, officerId))).toEqual([]);
  });

  it("are seen by a manager only when owned in the manager's department", async () => {
    const managerId = await createMember(orgId, "manager");
    const id = (await findings()).find((f) => f.title === "Exposed admin panel")!.id;
    const seen = (scope: Parameters<typeof getFinding>[3]) =>
      withTenant(orgId, (tx) => getFinding(tx, orgId, id, scope));
    expect(await seen({ all: false, departmentId: null })).toBeUndefined();
    const deptId = await withTenant(orgId, async (tx) => {
      const [dept] = await tx
        .insert(departments)
        .values({ orgId, name: "Support" })
        .returning({ id: departments.id });
      await tx
        .update(memberships)
        .set({ departmentId: dept.id })
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, managerId)));
      return dept.id;
    });
    expect(await seen({ all: false, departmentId: deptId })).toBeUndefined();
    await withTenant(orgId, (tx) =>
      tx
        .update(memberships)
        .set({ departmentId: deptId })
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, employeeId))),
    );
    expect((await seen({ all: false, departmentId: deptId }))?.title).toBe("Exposed admin panel");
  });
});
