import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  departments,
  memberships,
  policyDocuments,
  trainingAssignments,
  trainingAttempts,
  trainingQuestions,
} from "@/db/schema";
import type { AuditActor } from "@/lib/core/audit/record";
import { addDays, todayIso } from "@/lib/core/dates";
import { tenantContext, type TenantContext } from "@/lib/core/tenancy/context";
import { issueCertificate } from "@/lib/training/certificates";
import { addQuestion, addRule, saveCourse, saveLesson } from "@/lib/training/courses";
import { sendTrainingReminders } from "@/lib/training/reminders";
import { engineering } from "./engineering";
import { incidentReporting } from "./incident-reporting";
import { marketing } from "./marketing";
import { piplEssentials } from "./pipl-essentials";
import { breachImpact, culturalDifferences, socialResponsibility } from "./short-modules";
import { supportIdentity } from "./support-identity";
import type { SeedCourse } from "./types";

/** Every seeded course, in the order the demo lists them. */
export const seedCourses: readonly SeedCourse[] = [
  piplEssentials,
  incidentReporting,
  supportIdentity,
  engineering,
  marketing,
  culturalDifferences,
  breachImpact,
  socialResponsibility,
];

/**
 * Training for the demo: the eight courses with their lessons, question banks and rules (which
 * assign them at once), PIPL essentials linked to the staff rules. In the full demo the owner,
 * the officer and the admin have passed PIPL essentials (certificates issued), and the support
 * employee's customer-service course is ten days overdue, reminded and escalated to the head of
 * 客服 by the reminder job. The few-data organisation gets the two all-staff courses.
 */
export async function seedTraining(
  tx: Tx,
  orgId: string,
  size: "full" | "few",
  actor: AuditActor,
): Promise<void> {
  const ctx = tenantContext(tx, orgId, actor);
  const [staffRules] = await tx
    .select({ id: policyDocuments.id })
    .from(policyDocuments)
    .where(and(eq(policyDocuments.orgId, orgId), eq(policyDocuments.slug, "staff-data-handling")));
  const courses =
    size === "full"
      ? seedCourses
      : seedCourses.filter((c) => c.rule.scope === "everyone" && !c.rule.joinersOnly);
  const ids = new Map<string, string>();
  for (const course of courses) ids.set(course.code, await seedCourse(ctx, course, staffRules?.id));
  if (size !== "full") return;

  const people = await tx
    .select({ userId: memberships.userId, role: memberships.role, dept: departments.name })
    .from(memberships)
    .leftJoin(
      departments,
      and(eq(departments.orgId, memberships.orgId), eq(departments.id, memberships.departmentId)),
    )
    .where(eq(memberships.orgId, orgId));
  const passed = people.filter((p) => ["owner", "admin", "privacy_officer"].includes(p.role));
  for (const person of passed) await pass(ctx, ids.get(piplEssentials.code)!, person.userId);

  const agents = people.filter((p) => p.role === "employee" && p.dept === "客服");
  await tx
    .update(trainingAssignments)
    .set({ dueOn: addDays(todayIso(), -10) })
    .where(
      and(
        eq(trainingAssignments.orgId, orgId),
        eq(trainingAssignments.courseId, ids.get(supportIdentity.code)!),
        inArray(
          trainingAssignments.userId,
          agents.map((a) => a.userId),
        ),
      ),
    );
  await sendTrainingReminders(ctx);
}

async function seedCourse(
  ctx: TenantContext,
  course: SeedCourse,
  staffRulesId: string | undefined,
): Promise<string> {
  const courseId = await saveCourse(ctx, {
    code: course.code,
    titleZh: course.title[0],
    titleEn: course.title[1],
    descriptionZh: course.description[0],
    descriptionEn: course.description[1],
    passMark: course.passMark,
    questionsPerAttempt: course.perAttempt,
    policyDocumentIds: course.linkStaffRules && staffRulesId ? [staffRulesId] : [],
  });
  for (const lesson of course.lessons)
    await saveLesson(ctx, {
      courseId,
      titleZh: lesson.title[0],
      titleEn: lesson.title[1],
      bodyZh: lesson.body[0],
      bodyEn: lesson.body[1],
    });
  for (const question of course.questions)
    await addQuestion(ctx, {
      courseId,
      kind: question.options.filter((o) => o[2]).length > 1 ? "multiple" : "single",
      prompt: { "zh-CN": question.q[0], en: question.q[1] },
      explanation: { "zh-CN": question.why[0], en: question.why[1] },
      options: question.options.map(([zh, en, correct]) => ({
        text: { "zh-CN": zh, en },
        correct,
      })),
    });
  let departmentId: string | null = null;
  if (course.rule.department) {
    const [dept] = await ctx.tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.orgId, ctx.orgId), eq(departments.name, course.rule.department)));
    if (!dept) return courseId;
    departmentId = dept.id;
  }
  await addRule(ctx, {
    courseId,
    scope: course.rule.scope,
    role: null,
    departmentId,
    joinersOnly: course.rule.joinersOnly ?? false,
    dueDays: course.rule.dueDays,
    recurYearly: course.rule.recurYearly,
  });
  return courseId;
}

/** A passed attempt on every question of the course, completing the assignment with a certificate. */
async function pass(ctx: TenantContext, courseId: string, userId: string): Promise<void> {
  const bank = await ctx.tx
    .select({ id: trainingQuestions.id, options: trainingQuestions.options })
    .from(trainingQuestions)
    .where(and(eq(trainingQuestions.orgId, ctx.orgId), eq(trainingQuestions.courseId, courseId)))
    .limit(5);
  const [assignment] = await ctx.tx
    .update(trainingAssignments)
    .set({ completedAt: sql`now()` })
    .where(
      and(
        eq(trainingAssignments.orgId, ctx.orgId),
        eq(trainingAssignments.courseId, courseId),
        eq(trainingAssignments.userId, userId),
      ),
    )
    .returning({ id: trainingAssignments.id });
  const [attempt] = await ctx.tx
    .insert(trainingAttempts)
    .values({
      orgId: ctx.orgId,
      courseId,
      userId,
      assignmentId: assignment?.id ?? null,
      drawn: bank.map((q) => ({ questionId: q.id, optionOrder: q.options.map((_, i) => i) })),
      answers: Object.fromEntries(
        bank.map((q) => [q.id, q.options.flatMap((o, i) => (o.correct ? [i] : []))]),
      ),
      correctCount: bank.length,
      score: 100,
      passMark: 80,
      passed: true,
      submittedAt: sql`now()`,
    })
    .returning({ id: trainingAttempts.id });
  await issueCertificate(ctx, { id: attempt.id, courseId, userId, score: 100 });
}
