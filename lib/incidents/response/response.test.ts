import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { moveIncidentAction, triageIncidentAction } from "@/app/(console)/incidents/[id]/actions";
import { GET as evidenceRoute } from "@/app/(console)/incidents/[id]/evidence/[entryId]/route";
import { GET as reportRoute } from "@/app/(console)/incidents/[id]/reports/[reportId]/route";
import {
  addIncidentTaskAction,
  addTimelineEntryAction,
  prepareReportAction,
  recordSubmissionAction,
  saveReviewAction,
  setIncidentTaskStatusAction,
} from "@/app/(console)/incidents/[id]/response/actions";
import { GET as registerRoute } from "@/app/(console)/incidents/register/route";
import { reportIncidentAction } from "@/app/(console)/incidents/new/actions";
import { closeAppDb } from "@/db/client";
import {
  incidentEvidenceFiles,
  incidentRegulatorReports,
  incidentReviews,
  incidents,
  risks,
} from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { todayIso } from "@/lib/core/dates";
import { fieldErrorsOf, redirectOf } from "@/tests/action-outcome";
import { lastAudit } from "@/tests/audit";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { inkMap, inkShare, renderPage } from "@/tests/pdf-page-image";
import { incidentTasksOwnedBy } from "./tasks";
import { incidentTimeline } from "./timeline";

afterAll(closeAppDb);

let orgId: string;
let officer: string;
let employee: string;
let colleague: string;
let auditor: string;

beforeAll(async () => {
  ({ orgId } = await createOrg());
  officer = await createMember(orgId, "privacy_officer");
  employee = await createMember(orgId, "employee");
  colleague = await createMember(orgId, "employee");
  auditor = await createMember(orgId, "auditor");
});
beforeEach(() => actAs(officer, orgId));

const beijingNow = (offsetHours = 0) => {
  const at = new Date(Date.now() + offsetHours * 3_600_000);
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Shanghai",
    hourCycle: "h23",
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);
  return { on: todayIso(at), at: time };
};

/** A reported and triaged breach (1.2M people, PIPL and GDPR), as the officer. */
async function breach(over: Record<string, string | string[]> = {}): Promise<string> {
  const before = beijingNow(-2);
  const path = await redirectOf(
    reportIncidentAction(
      idle,
      form({
        summary: "订单库导出异常",
        description: "客户手机号与订单记录被未授权导出",
        discoveredOn: before.on,
        discoveredTime: before.at,
        systems: "订单系统",
        dataCategories: ["contact", "transactions"],
      }),
    ),
  );
  const id = path.split("/")[2].split("?")[0];
  expect(
    await triageIncidentAction(
      idle,
      form({
        id,
        classification: "pi_breach",
        breachTypes: ["confidentiality"],
        affectedLaws: ["PIPL", "GDPR"],
        estimatedAffected: "1200000",
        ...over,
      }),
    ),
  ).toMatchObject({ status: "ok" });
  return id;
}

const cacForm = (incidentId: string, over: Record<string, string> = {}) =>
  form({
    incidentId,
    kind: "cac",
    stage: "initial",
    contact: "王敏 010-5555 0100",
    measures: "已关闭导出接口，重置相关账号凭据",
    ...over,
  });

const reportsOf = (incidentId: string) =>
  withTenant(orgId, (tx) =>
    tx
      .select()
      .from(incidentRegulatorReports)
      .where(
        and(
          eq(incidentRegulatorReports.orgId, orgId),
          eq(incidentRegulatorReports.incidentId, incidentId),
        ),
      )
      .orderBy(incidentRegulatorReports.kind, incidentRegulatorReports.version),
  );

const get = (route: typeof reportRoute, url: string, params: Record<string, string>) =>
  route(new Request(`http://localhost${url}`), { params: Promise.resolve(params) });

describe("reports to regulators", () => {
  it("prepares the CAC initial report from the incident's facts, audited in the same transaction", async () => {
    const id = await breach();
    expect(await prepareReportAction(idle, cacForm(id))).toMatchObject({
      status: "ok",
      message: "incidentResponse.done.prepared",
    });
    const [report] = await reportsOf(id);
    expect(report).toMatchObject({ kind: "cac", version: 1, stage: "initial", submittedAt: null });
    expect(report.facts).toMatchObject({ estimatedAffected: 1_200_000, grade: "relatively_major" });
    expect(report.content).toEqual({
      contact: "王敏 010-5555 0100",
      measures: "已关闭导出接口，重置相关账号凭据",
    });
    const event = await lastAudit(orgId);
    expect(event).toMatchObject({ action: "incident.report_prepared", targetId: id });
    expect(JSON.stringify(event.details)).not.toContain("王敏");
  });

  it.each([
    ["no contact", { contact: "" }, "contact", "errors.required"],
    [
      "a supplementary report first",
      { stage: "supplementary" },
      "stage",
      "errors.reportFirstInitial",
    ],
    ["an unknown kind", { kind: "fbi" }, "kind", "errors.choice"],
  ])("refuses %s on the field and writes nothing", async (_name, over, field, message) => {
    const id = await breach();
    const before = await lastAudit(orgId);
    const state = await prepareReportAction(idle, cacForm(id, over));
    expect(fieldErrorsOf(state)?.[field]).toBe(message);
    expect((await lastAudit(orgId)).seq).toBe(before.seq);
    expect(await reportsOf(id)).toHaveLength(0);
  });

  it("refuses the GDPR notification for an incident without personal data, and an employee altogether", async () => {
    const id = await breach({ classification: "security_incident", breachTypes: [] });
    expect(
      fieldErrorsOf(await prepareReportAction(idle, cacForm(id, { kind: "gdpr33" })))?.kind,
    ).toBe("errors.choice");
    await actAs(employee, orgId);
    expect(await prepareReportAction(idle, cacForm(id))).toMatchObject({
      message: "errors.forbidden",
    });
    expect(await reportsOf(id)).toHaveLength(0);
  });

  it("downloads the report as a PDF whose page shows the Chinese report, audited; employees are refused", async () => {
    const id = await breach();
    await prepareReportAction(idle, cacForm(id));
    const [report] = await reportsOf(id);
    const response = await get(reportRoute, `/incidents/${id}/reports/${report.id}`, {
      id,
      reportId: report.id,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain(`-cac-v1-zh-CN.pdf`);
    const page = renderPage(Buffer.from(await response.arrayBuffer()));
    expect(page.text).toContain("网络安全事件报告（初次报告）");
    expect(page.text).toContain("1,200,000");
    expect(page.text).toContain("已关闭导出接口");
    const title = page.chars.slice(0, 8);
    expect(title.map((c) => c.char).join("")).toBe("网络安全事件报告");
    for (const c of title) expect(inkShare(inkMap(page, c.box))).toBeGreaterThan(0.05);
    expect(await lastAudit(orgId)).toMatchObject({
      action: "incident.report_downloaded",
      targetId: id,
    });

    const english = await get(reportRoute, `/incidents/${id}/reports/${report.id}?lang=en`, {
      id,
      reportId: report.id,
    });
    expect(renderPage(Buffer.from(await english.arrayBuffer())).text).toContain(
      "Cybersecurity incident report (Initial report)",
    );

    await actAs(employee, orgId);
    const refused = await get(reportRoute, `/incidents/${id}/reports/${report.id}`, {
      id,
      reportId: report.id,
    });
    expect(refused.status).toBe(403);
  });

  it("records the filing once; later versions are supplementary or final, and none follows a filed final report", async () => {
    const id = await breach();
    await prepareReportAction(idle, cacForm(id));
    const [first] = await reportsOf(id);
    const filed = beijingNow();
    const submit = (reportId: string, over: Record<string, string> = {}) =>
      recordSubmissionAction(
        idle,
        form({ reportId, ...filed, channel: "portal", reference: "BJ-2026-118", ...over }),
      );
    expect(fieldErrorsOf(await submit(first.id, beijingNow(48)))?.on).toBe(
      "errors.discoveredInFuture",
    );
    expect(fieldErrorsOf(await submit(first.id, beijingNow(-24)))?.on).toBe(
      "errors.beforeDiscovery",
    );
    expect(await submit(first.id)).toMatchObject({
      status: "ok",
      message: "incidentResponse.done.submitted",
    });
    expect(await lastAudit(orgId)).toMatchObject({ action: "incident.report_submitted" });
    expect((await reportsOf(id))[0]).toMatchObject({
      channel: "portal",
      submissionReference: "BJ-2026-118",
      submittedBy: officer,
    });
    expect(await submit(first.id)).toMatchObject({ message: "errors.reportAlreadySubmitted" });

    expect(
      fieldErrorsOf(await prepareReportAction(idle, cacForm(id, { stage: "initial" })))?.stage,
    ).toBe("errors.reportInitialOnce");
    await prepareReportAction(idle, cacForm(id, { stage: "final", cause: "接口缺少鉴权" }));
    const final = (await reportsOf(id))[1];
    expect(final).toMatchObject({ version: 2, stage: "final" });
    await submit(final.id);
    expect(await prepareReportAction(idle, cacForm(id, { stage: "supplementary" }))).toMatchObject({
      message: "errors.reportFinalFiled",
    });
  });
});

describe("tasks", () => {
  it("an officer gives a member a task; it is on their My tasks and they move it; a colleague cannot", async () => {
    const id = await breach();
    expect(
      fieldErrorsOf(
        await addIncidentTaskAction(
          idle,
          form({ incidentId: id, title: "轮换密钥", ownerId: id, dueOn: "2026-12-31" }),
        ),
      )?.ownerId,
    ).toBe("errors.choice");
    expect(
      await addIncidentTaskAction(
        idle,
        form({ incidentId: id, title: "轮换密钥", ownerId: employee, dueOn: "2026-12-31" }),
      ),
    ).toMatchObject({ status: "ok" });
    expect(await lastAudit(orgId)).toMatchObject({ action: "incident.task_added" });
    const [task] = await withTenant(orgId, (tx) => incidentTasksOwnedBy(tx, orgId, employee));
    expect(task).toMatchObject({ title: "轮换密钥", status: "open", incidentId: id });

    await actAs(colleague, orgId);
    expect(
      await setIncidentTaskStatusAction(idle, form({ taskId: task.id, status: "done" })),
    ).toMatchObject({ message: "errors.taskNotYours" });
    await actAs(employee, orgId);
    expect(
      await setIncidentTaskStatusAction(idle, form({ taskId: task.id, status: "done" })),
    ).toMatchObject({ status: "ok" });
    expect(await lastAudit(orgId)).toMatchObject({
      action: "incident.task_updated",
      actorId: employee,
    });
    expect(await withTenant(orgId, (tx) => incidentTasksOwnedBy(tx, orgId, employee))).toEqual([]);
  });
});

describe("timeline", () => {
  const entryForm = (incidentId: string, file?: File) => {
    const data = form({ incidentId, note: "防火墙日志导出", ...beijingNow(-1) });
    if (file) data.set("file", file);
    return data;
  };
  const pdfBytes = new TextEncoder().encode("%PDF-1.4\n%evidence\n");

  it("keeps a manual entry with its evidence file in the database; the download is audited", async () => {
    const id = await breach();
    expect(
      await addTimelineEntryAction(idle, entryForm(id, new File([pdfBytes], "../日志.pdf"))),
    ).toMatchObject({ status: "ok" });
    const timeline = await withTenant(orgId, async (tx) => {
      const [incident] = await tx.select().from(incidents).where(eq(incidents.id, id));
      return incidentTimeline(tx, orgId, incident);
    });
    expect(timeline.map((i) => (i.kind === "event" ? i.action : i.kind))).toEqual(
      expect.arrayContaining(["discovered", "incident.reported", "incident.triaged", "manual"]),
    );
    const entry = timeline.find((i) => i.kind === "manual");
    if (entry?.kind !== "manual") throw new Error("no manual entry");
    expect(entry.file).toEqual({ name: "日志.pdf", kind: "pdf", size: pdfBytes.length });

    const response = await get(evidenceRoute, `/incidents/${id}/evidence/${entry.id}`, {
      id,
      entryId: entry.id,
    });
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdfBytes);
    expect(await lastAudit(orgId)).toMatchObject({ action: "incident.evidence_downloaded" });

    await actAs(employee, orgId);
    expect((await get(evidenceRoute, "/", { id, entryId: entry.id })).status).toBe(403);
  });

  it("refuses a file that is none of the accepted kinds by content, and writes nothing", async () => {
    const id = await breach();
    const before = await lastAudit(orgId);
    const exe = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03])], "log.pdf");
    expect(fieldErrorsOf(await addTimelineEntryAction(idle, entryForm(id, exe)))?.file).toBe(
      "errors.fileType",
    );
    expect((await lastAudit(orgId)).seq).toBe(before.seq);
    const files = await withTenant(orgId, (tx) => tx.select().from(incidentEvidenceFiles));
    expect(files.every((f) => f.kind !== "zip" || f.fileName !== "log.pdf")).toBe(true);
  });
});

describe("review and closing", () => {
  it("refuses to close without the review (localised), then closes once it is saved with its risks", async () => {
    const id = await breach();
    const move = (to: string) => moveIncidentAction(idle, form({ id, to }));
    expect(await move("investigating")).toMatchObject({ status: "ok" });
    expect(await move("contained")).toMatchObject({ status: "ok" });
    expect(await move("closed")).toMatchObject({
      status: "error",
      message: "errors.incidentReviewFirst",
    });
    const [risk] = await withTenant(orgId, (tx) =>
      tx
        .insert(risks)
        .values({
          orgId,
          title: "接口鉴权缺失",
          ownerId: officer,
          inherentLikelihood: 3,
          inherentImpact: 4,
          residualLikelihood: 2,
          residualImpact: 4,
          residualScore: 8,
          treatment: "mitigate",
          reviewOn: "2027-06-30",
        })
        .returning({ id: risks.id }),
    );
    const review = (over: Record<string, string | string[]> = {}) =>
      saveReviewAction(
        idle,
        form({
          incidentId: id,
          cause: "导出接口缺少鉴权",
          whatWorked: "告警 10 分钟内触发",
          lessons: "接口上线前做安全评审",
          riskIds: [risk.id],
          ...over,
        }),
      );
    expect(fieldErrorsOf(await review({ lessons: "" }))?.lessons).toBe("errors.required");
    expect(fieldErrorsOf(await review({ riskIds: [id] }))?.riskIds).toBe("errors.choice");
    await actAs(auditor, orgId);
    expect(await review()).toMatchObject({ message: "errors.forbidden" });
    await actAs(officer, orgId);
    expect(await review()).toMatchObject({ status: "ok" });
    expect(await lastAudit(orgId)).toMatchObject({
      action: "incident.reviewed",
      details: { risks: [risk.id] },
    });
    expect(await move("closed")).toMatchObject({ status: "ok" });
    const [saved] = await withTenant(orgId, (tx) =>
      tx.select().from(incidentReviews).where(eq(incidentReviews.incidentId, id)),
    );
    expect(saved.cause).toBe("导出接口缺少鉴权");
  });
});

describe("breach register (GDPR Art. 33(5))", () => {
  it("lists every breach, notified or not, with effects and remedial action; not drills or other incidents; audited", async () => {
    const notified = await breach();
    await prepareReportAction(
      idle,
      form({
        incidentId: notified,
        kind: "gdpr33",
        stage: "initial",
        contact: "dpo@example.com",
        consequences: "可能遭遇诈骗电话",
        measures: "通知受影响客户",
      }),
    );
    const [gdpr] = (await reportsOf(notified)).filter((r) => r.kind === "gdpr33");
    await recordSubmissionAction(
      idle,
      form({ reportId: gdpr.id, ...beijingNow(), channel: "email" }),
    );
    const quiet = await breach({ gdprRisk: "none", gdprRiskReason: "数据已加密" });
    const drill = await breach({ drill: "true" });
    const other = await breach({ classification: "security_incident", breachTypes: [] });
    const response = await registerRoute(new Request("http://localhost/incidents/register"));
    const csv = await response.text();
    const reference = async (id: string) =>
      (
        await withTenant(orgId, (tx) =>
          tx.select({ r: incidents.reference }).from(incidents).where(eq(incidents.id, id)),
        )
      )[0].r;
    const line = async (id: string) => {
      const ref = await reference(id);
      return csv.split("\r\n").find((l) => l.startsWith(`"${ref}"`)) ?? "";
    };
    expect(csv).toContain(await reference(notified));
    expect(csv).toContain(await reference(quiet));
    expect(csv).not.toContain(await reference(drill));
    expect(csv).not.toContain(await reference(other));
    expect(csv).toContain("可能遭遇诈骗电话");
    expect(csv).toContain("数据已加密");
    // Authority notified: yes for the filed notification, no for the breach with no risk.
    expect((await line(notified)).split(",").at(-2)).toBe('"incidentResponse.register.yes"');
    expect((await line(quiet)).split(",").at(-2)).toBe('"incidentResponse.register.no"');
    expect(await lastAudit(orgId)).toMatchObject({ action: "incident.register_exported" });
    await actAs(employee, orgId);
    expect((await registerRoute(new Request("http://localhost/incidents/register"))).status).toBe(
      403,
    );
  });
});
