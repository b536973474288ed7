import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { departments, memberships, trainingAssignments, trainingPolicyTriggers } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { addDays, todayIso } from "@/lib/core/dates";
import { jobActor } from "@/lib/core/jobs/job";
import { inTenant, tenantContext } from "@/lib/core/tenancy/context";
import {
  approveVersion,
  draftVersion,
  publishVersion,
  saveDraft,
  submitVersion,
} from "@/lib/policies/commands";
import { documentWithVersion, policyContext } from "@/lib/policies/test-support";
import { auditOfTarget } from "@/tests/audit";
import { createMember, orgWithOfficer } from "@/tests/factories";
import { assignByRules, reassignOnPolicyChange, syncAssignments } from "./assign";
import { addRule, saveCourse } from "./courses";
import { overdueTraining, trainingStatusByDepartment } from "./department-status";
import { assignmentsOf, courseWithQuestions, setJoined } from "./test-support";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;
const people = {} as Record<"employee" | "manager" | "support" | "auditor" | "gone", string>;
let supportDept: string;
const job = () => jobActor("training-assignment");
const asOfficer = <T>(fn: (ctx: ReturnType<typeof tenantContext>) => Promise<T>) =>
  withTenant(orgId, (tx) => fn(tenantContext(tx, orgId, { type: "user", id: officerId })));
const rule = (courseId: string, over: Partial<Parameters<typeof addRule>[1]> = {}) =>
  asOfficer((ctx) =>
    addRule(ctx, {
      courseId,
      scope: "everyone",
      role: null,
      departmentId: null,
      joinersOnly: false,
      dueDays: 30,
      recurYearly: false,
      ...over,
    }),
  );
const assigned = async (courseId: string) =>
  new Set((await assignmentsOf(orgId, courseId)).map((a) => a.userId));

beforeAll(async () => {
  ({ orgId, officerId } = await orgWithOfficer());
  people.employee = await createMember(orgId, "employee");
  people.manager = await createMember(orgId, "manager");
  people.support = await createMember(orgId, "employee");
  people.auditor = await createMember(orgId, "auditor");
  people.gone = await createMember(orgId, "employee");
  await withTenant(orgId, async (tx) => {
    [{ id: supportDept }] = await tx
      .insert(departments)
      .values({ orgId, name: "客服", headUserId: people.manager })
      .returning({ id: departments.id });
    await tx
      .update(memberships)
      .set({ departmentId: supportDept })
      .where(
        and(
          eq(memberships.orgId, orgId),
          sql`${memberships.userId} in (${people.support}, ${people.manager})`,
        ),
      );
    await tx
      .update(memberships)
      .set({ deactivatedAt: new Date() })
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, people.gone)));
  });
});

describe("assignment rules", () => {
  it("assigns everyone who takes courses (not auditors, not the deactivated), due N days from today, once", async () => {
    const { courseId } = await courseWithQuestions(orgId, officerId);
    const { assigned: count } = await rule(courseId, { dueDays: 14 });
    const rows = await assignmentsOf(orgId, courseId);
    const users = new Set(rows.map((r) => r.userId));
    expect(users.has(people.employee) && users.has(people.manager) && users.has(officerId)).toBe(
      true,
    );
    expect(users.has(people.auditor)).toBe(false);
    expect(users.has(people.gone)).toBe(false);
    expect(count).toBe(rows.length);
    expect(rows.every((r) => r.reason === "rule" && r.dueOn === addDays(todayIso(), 14))).toBe(
      true,
    );
    const events = await auditOfTarget(orgId, courseId);
    expect(events.map((e) => e.action)).toContain("training.rule_added");
    expect(events.find((e) => e.action === "training.assigned")?.details).toEqual({
      rule: rows.length,
    });
    // The job runs again: nothing new, no event.
    const again = await inTenant(orgId, job(), (ctx) => assignByRules(ctx, { courseId }));
    expect(again.size).toBe(0);
    expect(await assignmentsOf(orgId, courseId)).toHaveLength(rows.length);
  });

  it("assigns by role and by department only to the people in scope; the earliest due date wins", async () => {
    const { courseId } = await courseWithQuestions(orgId, officerId);
    await rule(courseId, { scope: "role", role: "manager", dueDays: 10 });
    expect(await assigned(courseId)).toEqual(new Set([people.manager]));
    await rule(courseId, { scope: "department", departmentId: supportDept, dueDays: 5 });
    expect(await assigned(courseId)).toEqual(new Set([people.manager, people.support]));
    const [support] = await assignmentsOf(orgId, courseId, people.support);
    expect(support.dueOn).toBe(addDays(todayIso(), 5));
    // The manager already had it from the role rule: not assigned twice.
    expect(await assignmentsOf(orgId, courseId, people.manager)).toHaveLength(1);
  });

  it("a joiners-only rule skips people who were there and assigns a new joiner, due N days after joining", async () => {
    const { courseId } = await courseWithQuestions(orgId, officerId);
    await rule(courseId, { joinersOnly: true, dueDays: 7 });
    expect(await assigned(courseId)).toEqual(new Set());
    const joiner = await createMember(orgId, "employee");
    const joined = new Date(Date.now() + 60_000); // after the rule, whatever the clocks say
    await setJoined(orgId, joiner, joined);
    await inTenant(orgId, job(), (ctx) => syncAssignments(ctx));
    const [row] = await assignmentsOf(orgId, courseId, joiner);
    expect(row).toMatchObject({ reason: "joiner", dueOn: addDays(todayIso(joined), 7) });
    expect(await assigned(courseId)).toEqual(new Set([joiner]));
  });

  it("a yearly rule assigns the course again a year after a completion, and not before", async () => {
    const yearly = await courseWithQuestions(orgId, officerId);
    const once = await courseWithQuestions(orgId, officerId);
    await rule(yearly.courseId, { scope: "role", role: "manager", recurYearly: true });
    await rule(once.courseId, { scope: "role", role: "manager" });
    const complete = (courseId: string, daysAgo: number) =>
      withTenant(orgId, (tx) =>
        tx
          .update(trainingAssignments)
          .set({ completedAt: new Date(Date.now() - daysAgo * 86_400_000) })
          .where(
            and(eq(trainingAssignments.orgId, orgId), eq(trainingAssignments.courseId, courseId)),
          ),
      );
    await complete(yearly.courseId, 300);
    await complete(once.courseId, 400);
    await inTenant(orgId, job(), (ctx) => syncAssignments(ctx));
    expect(await assignmentsOf(orgId, yearly.courseId)).toHaveLength(1);
    await complete(yearly.courseId, 370);
    await inTenant(orgId, job(), (ctx) => syncAssignments(ctx));
    const rows = await assignmentsOf(orgId, yearly.courseId);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ reason: "yearly", completedAt: null });
    // Without recurrence, a completion is final.
    expect(await assignmentsOf(orgId, once.courseId)).toHaveLength(1);
  });
});

describe("reassignment on a policy change", () => {
  async function newVersion(documentId: string, material: boolean) {
    return withTenant(orgId, async (tx) => {
      const author = policyContext(tx, orgId, officerId);
      const approver = policyContext(tx, orgId, approverId);
      const id = await draftVersion(author, documentId);
      await saveDraft(author, {
        id,
        contentZh: "# 员工个人信息处理规范 v2",
        contentEn: "# Staff rules v2",
        summaryZh: "摘要",
        summaryEn: "Summary",
        changeSummary: "Retention periods shortened",
        materialChange: material,
        authoritativeLocale: "zh-CN",
        effectiveOn: todayIso(),
      });
      await submitVersion(author, id);
      await approveVersion(approver, id, false);
      await publishVersion(approver, id);
      return id;
    });
  }
  let approverId: string;

  it("a material version of a linked document reassigns the course to everyone it applies to, once; other versions do not", async () => {
    approverId = await createMember(orgId, "privacy_officer");
    const { documentId } = await documentWithVersion(
      orgId,
      officerId,
      approverId,
      "published",
      `staff-rules-${Date.now()}`,
    );
    const { courseId } = await courseWithQuestions(orgId, officerId, { documents: [documentId] });
    await rule(courseId, { scope: "department", departmentId: supportDept, dueDays: 20 });
    // The version in force when the link was made assigns nothing again.
    expect(await inTenant(orgId, job(), reassignOnPolicyChange)).toBe(0);
    // The support agent completes; the manager's stays open.
    await withTenant(orgId, (tx) =>
      tx
        .update(trainingAssignments)
        .set({ completedAt: new Date() })
        .where(
          and(
            eq(trainingAssignments.orgId, orgId),
            eq(trainingAssignments.courseId, courseId),
            eq(trainingAssignments.userId, people.support),
          ),
        ),
    );
    await newVersion(documentId, false);
    expect(await inTenant(orgId, job(), reassignOnPolicyChange)).toBe(0);
    const versionId = await newVersion(documentId, true);
    expect(await inTenant(orgId, job(), reassignOnPolicyChange)).toBe(1);
    const support = await assignmentsOf(orgId, courseId, people.support);
    expect(support).toHaveLength(2);
    expect(support[1]).toMatchObject({
      reason: "policy_change",
      policyVersionId: versionId,
      completedAt: null,
      dueOn: addDays(todayIso(), 20),
    });
    expect(await assignmentsOf(orgId, courseId, people.manager)).toHaveLength(1);
    // The same version acts once.
    expect(await inTenant(orgId, job(), reassignOnPolicyChange)).toBe(0);
    const events = await auditOfTarget(orgId, courseId);
    expect(events.filter((e) => e.action === "training.assigned").at(-1)).toMatchObject({
      actorType: "system",
      details: { policy_change: 1, policyVersionId: versionId },
    });
  });
});

describe("a link made with the publication", () => {
  it("a version published in the same transaction as the link (as the demo seed does) reassigns nothing", async () => {
    const approver = await createMember(orgId, "privacy_officer");
    const { documentId } = await documentWithVersion(
      orgId,
      officerId,
      approver,
      "published",
      `same-tx-${Date.now()}`,
    );
    const courseId = await withTenant(orgId, async (tx) => {
      const author = policyContext(tx, orgId, officerId);
      const id = await draftVersion(author, documentId);
      await saveDraft(author, {
        id,
        contentZh: "# v2",
        contentEn: "# v2",
        summaryZh: "摘要",
        summaryEn: "Summary",
        changeSummary: "Material",
        materialChange: true,
        authoritativeLocale: "zh-CN",
        effectiveOn: todayIso(),
      });
      await submitVersion(author, id);
      await approveVersion(policyContext(tx, orgId, approver), id, false);
      await publishVersion(policyContext(tx, orgId, approver), id);
      const ctx = tenantContext(tx, orgId, { type: "user", id: officerId });
      const courseId = await saveCourse(ctx, {
        code: `same-tx-${Date.now()}`,
        titleZh: "课程",
        titleEn: "Course",
        descriptionZh: "说明",
        descriptionEn: "About",
        passMark: 80,
        questionsPerAttempt: 5,
        policyDocumentIds: [documentId],
      });
      await addRule(ctx, {
        courseId,
        scope: "everyone",
        role: null,
        departmentId: null,
        joinersOnly: false,
        dueDays: 30,
        recurYearly: false,
      });
      return courseId;
    });
    expect(await inTenant(orgId, job(), reassignOnPolicyChange)).toBe(0);
    const triggers = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(trainingPolicyTriggers)
        .where(
          and(
            eq(trainingPolicyTriggers.orgId, orgId),
            eq(trainingPolicyTriggers.courseId, courseId),
          ),
        ),
    );
    expect(triggers).toEqual([]);
  });
});

describe("status by department", () => {
  it("counts each member once per course by their current state, with the overdue ones named", async () => {
    const { courseId } = await courseWithQuestions(orgId, officerId);
    await rule(courseId, { scope: "department", departmentId: supportDept, dueDays: 3 });
    await withTenant(orgId, async (tx) => {
      await tx
        .update(trainingAssignments)
        .set({ completedAt: new Date() })
        .where(
          and(
            eq(trainingAssignments.orgId, orgId),
            eq(trainingAssignments.courseId, courseId),
            eq(trainingAssignments.userId, people.manager),
          ),
        );
    });
    const later = addDays(todayIso(), 10);
    const status = await withTenant(orgId, (tx) =>
      trainingStatusByDepartment(tx, orgId, { departmentIds: [supportDept], today: later }),
    );
    expect(status.find((s) => s.courseId === courseId)).toMatchObject({
      departmentId: supportDept,
      assigned: 2,
      completed: 1,
      overdue: 1,
    });
    const overdue = await withTenant(orgId, (tx) =>
      overdueTraining(tx, orgId, { departmentIds: [supportDept], today: later }),
    );
    expect(overdue.filter((o) => o.courseId === courseId).map((o) => o.userId)).toEqual([
      people.support,
    ]);
    const none = await withTenant(orgId, (tx) =>
      trainingStatusByDepartment(tx, orgId, { departmentIds: [] }),
    );
    expect(none).toEqual([]);
  });
});
