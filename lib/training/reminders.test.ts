import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { departments, memberships, messageOutbox, trainingAssignments } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { addDays, todayIso } from "@/lib/core/dates";
import { jobActor } from "@/lib/core/jobs/job";
import { inTenant, tenantContext } from "@/lib/core/tenancy/context";
import { auditOfTarget } from "@/tests/audit";
import { createMember, orgWithOfficer } from "@/tests/factories";
import { addRule } from "./courses";
import { ESCALATE_AFTER_DAYS, REMIND_BEFORE_DAYS, sendTrainingReminders } from "./reminders";
import { courseWithQuestions } from "./test-support";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let head: string;
let agent: string;
let courseId: string;
const today = todayIso();

const mail = (userIds: string[]) =>
  withTenant(orgId, (tx) =>
    tx
      .select({ userId: messageOutbox.userId, template: messageOutbox.template })
      .from(messageOutbox)
      .where(and(eq(messageOutbox.orgId, orgId), inArray(messageOutbox.userId, userIds))),
  );
const setDue = (userId: string, dueOn: string) =>
  withTenant(orgId, (tx) =>
    tx
      .update(trainingAssignments)
      .set({ dueOn })
      .where(
        and(
          eq(trainingAssignments.orgId, orgId),
          eq(trainingAssignments.courseId, courseId),
          eq(trainingAssignments.userId, userId),
        ),
      ),
  );
const run = (on: string) =>
  inTenant(orgId, jobActor("training-reminder"), (ctx) => sendTrainingReminders(ctx, on));

beforeAll(async () => {
  ({ orgId, officerId } = await orgWithOfficer());
  head = await createMember(orgId, "manager");
  agent = await createMember(orgId, "employee");
  await withTenant(orgId, async (tx) => {
    const [dept] = await tx
      .insert(departments)
      .values({ orgId, name: "客服", headUserId: head })
      .returning({ id: departments.id });
    await tx
      .update(memberships)
      .set({ departmentId: dept.id })
      .where(and(eq(memberships.orgId, orgId), inArray(memberships.userId, [head, agent])));
    ({ courseId } = await courseWithQuestions(orgId, officerId));
    await addRule(tenantContext(tx, orgId, { type: "user", id: officerId }), {
      courseId,
      scope: "department",
      role: null,
      departmentId: dept.id,
      joinersOnly: false,
      dueDays: 30,
      recurYearly: false,
    });
  });
});

describe("training reminders", () => {
  it("reminds before the due date, once, and not earlier than the reminder window", async () => {
    await setDue(agent, addDays(today, REMIND_BEFORE_DAYS + 1));
    await setDue(head, addDays(today, 30));
    expect(await run(today)).toEqual({ due_soon: 0, overdue: 0, escalated: 0 });
    await setDue(agent, addDays(today, REMIND_BEFORE_DAYS));
    expect(await run(today)).toEqual({ due_soon: 1, overdue: 0, escalated: 0 });
    expect(await run(today)).toEqual({ due_soon: 0, overdue: 0, escalated: 0 });
    expect(await mail([agent])).toEqual([{ userId: agent, template: "training.due_soon" }]);
    const events = await auditOfTarget(orgId, courseId);
    expect(events.find((e) => e.action === "training.reminded")).toMatchObject({
      actorType: "system",
      details: { kind: "due_soon", count: 1 },
    });
  });

  it("reminds the person when overdue, then escalates to the department head after the grace days", async () => {
    const due = addDays(today, REMIND_BEFORE_DAYS);
    expect(await run(addDays(due, 1))).toEqual({ due_soon: 0, overdue: 1, escalated: 0 });
    expect(await run(addDays(due, ESCALATE_AFTER_DAYS - 1))).toEqual({
      due_soon: 0,
      overdue: 0,
      escalated: 0,
    });
    expect(await run(addDays(due, ESCALATE_AFTER_DAYS))).toEqual({
      due_soon: 0,
      overdue: 0,
      escalated: 1,
    });
    expect(await run(addDays(due, ESCALATE_AFTER_DAYS + 5))).toEqual({
      due_soon: 0,
      overdue: 0,
      escalated: 0,
    });
    const sent = await mail([agent, head]);
    expect(sent).toEqual(
      expect.arrayContaining([
        { userId: agent, template: "training.overdue" },
        { userId: head, template: "training.escalated" },
      ]),
    );
    expect(sent.filter((m) => m.userId === head)).toHaveLength(1);
    const [assignment] = await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(trainingAssignments)
        .where(
          and(
            eq(trainingAssignments.orgId, orgId),
            eq(trainingAssignments.courseId, courseId),
            eq(trainingAssignments.userId, agent),
          ),
        ),
    );
    expect(assignment.escalatedAt).not.toBeNull();
    expect((await auditOfTarget(orgId, assignment.id)).map((e) => e.details)).toEqual([
      { courseId, emailed: true },
    ]);
  });

  it("a completed assignment gets no reminders and the head is not escalated to about themselves", async () => {
    await setDue(head, addDays(today, -30));
    await withTenant(orgId, (tx) =>
      tx
        .update(trainingAssignments)
        .set({ completedAt: new Date() })
        .where(and(eq(trainingAssignments.orgId, orgId), eq(trainingAssignments.userId, agent))),
    );
    const result = await run(today);
    expect(result).toEqual({ due_soon: 0, overdue: 1, escalated: 1 });
    const toHead = (await mail([head])).filter((m) => m.template === "training.escalated");
    expect(toHead).toHaveLength(1); // only the earlier one about the agent
  });
});
