import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  confirmGradeAction,
  markClockAction,
  moveIncidentAction,
  triageIncidentAction,
} from "@/app/(console)/incidents/[id]/actions";
import { reportIncidentAction } from "@/app/(console)/incidents/new/actions";
import { saveReviewAction } from "@/app/(console)/incidents/[id]/response/actions";
import { closeAppDb } from "@/db/client";
import {
  auditEvents,
  departments,
  incidentClockAlerts,
  incidents,
  memberships,
  messageOutbox,
} from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { todayIso } from "@/lib/core/dates";
import { fieldErrorsOf, redirectOf } from "@/tests/action-outcome";
import { lastAudit } from "@/tests/audit";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { jobActor } from "@/lib/core/jobs/job";
import { inTenant } from "@/lib/core/tenancy/context";
import { alertPassedClocks } from "./clock-alerts";
import { getIncident, listIncidents } from "./queries";
import { passedClocksFor } from "./tasks";

afterAll(closeAppDb);

let orgId: string;
let ownerId: string;
const people = {} as Record<
  "officer" | "employee" | "colleague" | "manager" | "otherManager" | "auditor",
  string
>;

beforeAll(async () => {
  ({ orgId, ownerId } = await createOrg());
  for (const [key, role] of Object.entries({
    officer: "privacy_officer",
    employee: "employee",
    colleague: "employee",
    manager: "manager",
    otherManager: "manager",
    auditor: "auditor",
  } as const)) {
    people[key as keyof typeof people] = await createMember(orgId, role);
  }
  await withTenant(orgId, async (tx) => {
    const [support] = await tx
      .insert(departments)
      .values({ orgId, name: "客服" })
      .returning({ id: departments.id });
    const [ops] = await tx
      .insert(departments)
      .values({ orgId, name: "运营" })
      .returning({ id: departments.id });
    for (const [user, dept] of [
      [people.employee, support.id],
      [people.manager, support.id],
      [people.otherManager, ops.id],
      [people.colleague, ops.id],
    ] as const) {
      await tx
        .update(memberships)
        .set({ departmentId: dept })
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, user)));
    }
  });
});
beforeEach(() => actAs(people.officer, orgId));

const hoursAgo = (h: number) => {
  const at = new Date(Date.now() - h * 3_600_000);
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Shanghai",
    hourCycle: "h23",
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);
  return { discoveredOn: todayIso(at), discoveredTime: time };
};
const reportForm = (over: Record<string, string | string[] | undefined> = {}) =>
  form({
    summary: "手机号出现在日志中",
    description: "物流接口日志可见收件人手机号",
    ...hoursAgo(1),
    systems: "订单系统, 物流接口",
    dataCategories: ["contact"],
    estimatedAffected: "",
    ...over,
  });

async function report(
  as: string,
  over: Record<string, string | string[] | undefined> = {},
): Promise<string> {
  await actAs(as, orgId);
  const path = await redirectOf(reportIncidentAction(idle, reportForm(over)));
  await actAs(people.officer, orgId);
  return path.split("/")[2].split("?")[0];
}
const row = (id: string) =>
  withTenant(
    orgId,
    async (tx) =>
      (
        await tx
          .select()
          .from(incidents)
          .where(and(eq(incidents.orgId, orgId), eq(incidents.id, id)))
      )[0],
  );
const triage = (id: string, over: Record<string, string | string[] | undefined> = {}) =>
  triageIncidentAction(
    idle,
    form({
      id,
      classification: "pi_breach",
      breachTypes: ["confidentiality"],
      affectedLaws: ["PIPL", "GDPR"],
      estimatedAffected: "1200000",
      ...over,
    }),
  );
const eventsOf = (id: string) =>
  withTenant(orgId, (tx) =>
    tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.targetId, id)))
      .orderBy(auditEvents.seq),
  );

describe("reporting", () => {
  it("an employee reports in one form: a reference, their department, the systems as a list; the audit names no content", async () => {
    const id = await report(people.employee);
    const incident = await row(id);
    expect(incident).toMatchObject({
      status: "reported",
      reportedBy: people.employee,
      systems: ["订单系统", "物流接口"],
      dataCategories: ["contact"],
      estimatedAffected: null,
    });
    expect(incident.reference).toMatch(/^INC-\d{4}-\d{4}$/);
    expect(incident.departmentId).not.toBeNull();
    const [event] = await eventsOf(id);
    expect(event).toMatchObject({ action: "incident.reported", actorId: people.employee });
    expect(JSON.stringify(event.details)).not.toContain("手机号");
  });

  it.each([
    ["no summary", { summary: "" }, "summary", "errors.required"],
    [
      "a discovery in the future",
      { discoveredOn: "2099-01-01" },
      "discoveredOn",
      "errors.discoveredInFuture",
    ],
    [
      "an unknown data category",
      { dataCategories: ["phones"] },
      "dataCategories.0",
      "errors.choice",
    ],
    ["a negative estimate", { estimatedAffected: "-5" }, "estimatedAffected", "errors.tooSmall"],
  ])("refuses %s on the field and writes nothing", async (_name, over, field, message) => {
    await actAs(people.employee, orgId);
    const before = await lastAudit(orgId);
    const state = await reportIncidentAction(idle, reportForm(over));
    expect(fieldErrorsOf(state)?.[field]).toBe(message);
    expect((await lastAudit(orgId)).seq).toBe(before.seq);
  });

  it("the auditor, read-only, cannot report", async () => {
    await actAs(people.auditor, orgId);
    expect(await reportIncidentAction(idle, reportForm())).toMatchObject({
      status: "error",
      message: "errors.forbidden",
    });
  });
});

describe("triage and grading", () => {
  it("1.2M people → 较大 proposed; the officer confirms it with a reason; status reported → triage, each step audited without personal data", async () => {
    const id = await report(people.employee);
    expect(await triage(id)).toMatchObject({ status: "ok" });
    expect(await row(id)).toMatchObject({
      status: "triage",
      classification: "pi_breach",
      proposedGrade: "relatively_major",
      grade: null,
      affectedLaws: ["PIPL", "GDPR"],
    });
    expect(
      await confirmGradeAction(
        idle,
        form({ id, grade: "relatively_major", reason: "120万用户手机号" }),
      ),
    ).toMatchObject({ status: "ok" });
    expect(await row(id)).toMatchObject({
      grade: "relatively_major",
      gradeReason: "120万用户手机号",
      gradeConfirmedBy: people.officer,
    });
    const events = await eventsOf(id);
    expect(events.map((e) => e.action)).toEqual([
      "incident.reported",
      "incident.triaged",
      "incident.status_changed",
      "incident.grade_confirmed",
    ]);
    expect(events[2].details).toEqual({ from: "reported", to: "triage" });
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain("120万");
  });

  it("refuses a breach without what it did, 'not an incident' without a reason, and 'no GDPR risk' without one", async () => {
    const id = await report(people.employee);
    const before = await lastAudit(orgId);
    expect(fieldErrorsOf(await triage(id, { breachTypes: undefined }))?.breachTypes).toBe(
      "errors.chooseAtLeastOne",
    );
    expect(fieldErrorsOf(await triage(id, { classification: "not_incident" }))?.dismissReason).toBe(
      "errors.required",
    );
    expect(fieldErrorsOf(await triage(id, { gdprRisk: "none" }))?.gdprRiskReason).toBe(
      "errors.required",
    );
    expect((await lastAudit(orgId)).seq).toBe(before.seq);
    expect((await row(id)).status).toBe("reported");
  });

  it("'not an incident' with its reason dismisses the report; nothing more can change it", async () => {
    const id = await report(people.employee);
    expect(
      await triage(id, { classification: "not_incident", dismissReason: "测试环境的假数据" }),
    ).toMatchObject({ status: "ok" });
    expect(await row(id)).toMatchObject({ status: "dismissed", dismissReason: "测试环境的假数据" });
    expect(await triage(id)).toMatchObject({ status: "error", message: "errors.incidentClosed" });
  });

  it("the workflow runs triage → investigating → contained → notifying → closed and refuses skipped steps", async () => {
    const id = await report(people.employee);
    expect(await moveIncidentAction(idle, form({ id, to: "investigating" }))).toMatchObject({
      status: "error",
      message: "errors.incidentStep",
    });
    await triage(id);
    for (const to of ["investigating", "contained", "notifying"]) {
      expect(await moveIncidentAction(idle, form({ id, to }))).toMatchObject({ status: "ok" });
    }
    // Closing needs the post-incident review (lib/incidents/response/response.test.ts).
    await saveReviewAction(
      idle,
      form({
        incidentId: id,
        cause: "日志脱敏缺失",
        whatWorked: "及时发现",
        lessons: "上线前评审",
      }),
    );
    expect(await moveIncidentAction(idle, form({ id, to: "closed" }))).toMatchObject({
      status: "ok",
    });
    const incident = await row(id);
    expect(incident.status).toBe("closed");
    expect(incident.containedAt).not.toBeNull();
    expect(
      (await eventsOf(id))
        .filter((e) => e.action === "incident.status_changed")
        .map((e) => e.details),
    ).toEqual([
      { from: "reported", to: "triage" },
      { from: "triage", to: "investigating" },
      { from: "investigating", to: "contained" },
      { from: "contained", to: "notifying" },
      { from: "notifying", to: "closed" },
    ]);
  });

  it("an employee cannot triage", async () => {
    const id = await report(people.employee);
    await actAs(people.employee, orgId);
    expect(await triage(id)).toMatchObject({ status: "error", message: "errors.forbidden" });
  });
});

describe("clocks on an incident", () => {
  it("a 较大 breach of PIPL and GDPR people shows CAC 4 h and GDPR 72 h running from discovery", async () => {
    const id = await report(people.employee, hoursAgo(1));
    await triage(id);
    const detail = await withTenant(orgId, (tx) =>
      getIncident(tx, orgId, id, { userId: people.officer, role: "privacy_officer" }),
    );
    const byKey = Object.fromEntries(detail!.clocks.map((c) => [c.rule.key, c]));
    expect(byKey.cac_report).toMatchObject({ state: "running", hoursLeft: expect.any(Number) });
    expect(byKey.cac_report.hoursLeft).toBeGreaterThanOrEqual(2);
    expect(byKey.cac_report.hoursLeft).toBeLessThanOrEqual(3);
    expect(byKey.gdpr_33.hoursLeft).toBeGreaterThanOrEqual(70);
  });

  it("a GDPR notification after 72 hours needs the reasons for the delay; a PIPL notice to individuals can be waived with a reason, a CAC report cannot", async () => {
    const id = await report(people.employee, hoursAgo(80));
    await triage(id);
    const before = await lastAudit(orgId);
    expect(
      fieldErrorsOf(await markClockAction(idle, form({ id, ruleKey: "gdpr_33", outcome: "done" })))
        ?.reason,
    ).toBe("errors.lateReasonRequired");
    expect(
      fieldErrorsOf(
        await markClockAction(
          idle,
          form({ id, ruleKey: "cac_report", outcome: "waived", reason: "x" }),
        ),
      )?.outcome,
    ).toBe("errors.notWaivable");
    expect(
      fieldErrorsOf(
        await markClockAction(idle, form({ id, ruleKey: "pipl_individuals", outcome: "waived" })),
      )?.reason,
    ).toBe("errors.required");
    expect((await lastAudit(orgId)).seq).toBe(before.seq);

    expect(
      await markClockAction(
        idle,
        form({ id, ruleKey: "gdpr_33", outcome: "done", reason: "规模核实耗时" }),
      ),
    ).toMatchObject({ status: "ok" });
    expect(
      await markClockAction(
        idle,
        form({
          id,
          ruleKey: "pipl_individuals",
          outcome: "waived",
          reason: "数据已加密且密钥未泄露",
        }),
      ),
    ).toMatchObject({ status: "ok" });
    const detail = await withTenant(orgId, (tx) =>
      getIncident(tx, orgId, id, { userId: people.officer, role: "privacy_officer" }),
    );
    const byKey = Object.fromEntries(detail!.clocks.map((c) => [c.rule.key, c]));
    expect(byKey.gdpr_33).toMatchObject({ state: "done", late: true });
    expect(byKey.pipl_individuals).toMatchObject({ state: "waived" });
    expect(
      (await eventsOf(id))
        .filter((e) => e.action === "incident.clock_marked")
        .map((e) => e.details),
    ).toEqual([
      { rule: "gdpr_33", outcome: "done", late: true },
      { rule: "pipl_individuals", outcome: "waived", late: false },
    ]);
  });

  it("the alert job records each passed clock once, audited as the job; a met clock is not alerted", async () => {
    const id = await report(people.employee, hoursAgo(5));
    await triage(id);
    await markClockAction(idle, form({ id, ruleKey: "pipl_authority", outcome: "done" }));
    const first = await inTenant(orgId, jobActor("incident-clock-alert"), (ctx) =>
      alertPassedClocks(ctx),
    );
    expect(first.filter((a) => a.incidentId === id).map((a) => a.ruleKey)).toEqual(["cac_report"]);
    expect(
      await inTenant(orgId, jobActor("incident-clock-alert"), (ctx) => alertPassedClocks(ctx)),
    ).toEqual([]);
    const alerts = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(incidentClockAlerts)
        .where(and(eq(incidentClockAlerts.orgId, orgId), eq(incidentClockAlerts.incidentId, id))),
    );
    expect(alerts).toHaveLength(1);
    const passed = (await eventsOf(id)).filter((e) => e.action === "incident.clock_passed");
    expect(passed).toHaveLength(1);
    expect(passed[0]).toMatchObject({
      actorType: "system",
      details: { rule: "cac_report", drill: false, emailed: 2 },
    });
    // Everyone who manages incidents (the owner and the officer; nobody is assigned) is emailed, in the organisation's language.
    const mail = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(messageOutbox)
        .where(
          and(eq(messageOutbox.orgId, orgId), eq(messageOutbox.template, "incident.clock_passed")),
        ),
    );
    expect(mail).toHaveLength(2 * first.length);
    expect(new Set(mail.map((m) => m.userId))).toEqual(new Set([ownerId, people.officer]));
    expect(
      mail.every((m) => m.locale === "zh-CN" && m.channel === "email" && m.customerId === null),
    ).toBe(true);

    // The console's notice: on the officers' My tasks (and the assignee's), until the clock is recorded.
    const tasks = (userId: string, role: "privacy_officer" | "employee") =>
      withTenant(orgId, (tx) => passedClocksFor(tx, orgId, { userId, role })).then((rows) =>
        rows.filter((r) => r.incidentId === id).map((r) => r.ruleKey),
      );
    expect(await tasks(people.officer, "privacy_officer")).toEqual(["cac_report"]);
    expect(await tasks(people.employee, "employee")).toEqual([]);
    await markClockAction(idle, form({ id, ruleKey: "cac_report", outcome: "done" }));
    expect(await tasks(people.officer, "privacy_officer")).toEqual([]);
  });

  it("a drill's passed clock is shown to the officers but emails nobody", async () => {
    const id = await report(people.employee, hoursAgo(5));
    await triage(id, { drill: "true" });
    const count = () =>
      withTenant(orgId, (tx) =>
        tx
          .select()
          .from(messageOutbox)
          .where(
            and(
              eq(messageOutbox.orgId, orgId),
              eq(messageOutbox.template, "incident.clock_passed"),
            ),
          ),
      ).then((r) => r.length);
    const before = await count();
    const alerts = await inTenant(orgId, jobActor("incident-clock-alert"), (ctx) =>
      alertPassedClocks(ctx),
    );
    expect(alerts.filter((a) => a.incidentId === id).map((a) => a.ruleKey)).toEqual(["cac_report"]);
    expect(await count()).toBe(before);
    const passed = (await eventsOf(id)).filter((e) => e.action === "incident.clock_passed");
    expect(passed.map((e) => e.details)).toEqual([{ rule: "cac_report", drill: true, emailed: 0 }]);
  });
});

describe("who sees which incident", () => {
  it("reporters their own, a manager their department's, officers and auditors every one", async () => {
    const mine = await report(people.employee);
    const colleagues = await report(people.colleague);
    const seen = async (
      userId: string,
      role: "employee" | "manager" | "auditor" | "privacy_officer",
    ) => {
      const page = await withTenant(orgId, (tx) => listIncidents(tx, orgId, { userId, role }));
      return new Set(page.rows.map((r) => r.id).filter((id) => id === mine || id === colleagues));
    };
    expect(await seen(people.employee, "employee")).toEqual(new Set([mine]));
    expect(await seen(people.colleague, "employee")).toEqual(new Set([colleagues]));
    expect(await seen(people.manager, "manager")).toEqual(new Set([mine]));
    expect(await seen(people.otherManager, "manager")).toEqual(new Set([colleagues]));
    expect(await seen(people.auditor, "auditor")).toEqual(new Set([mine, colleagues]));
    expect(await seen(people.officer, "privacy_officer")).toEqual(new Set([mine, colleagues]));
    expect(
      await withTenant(orgId, (tx) =>
        getIncident(tx, orgId, colleagues, { userId: people.employee, role: "employee" }),
      ),
    ).toBeUndefined();
  });
});
