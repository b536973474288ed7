import "server-only";
import { and, eq, max, sql } from "drizzle-orm";
import {
  policyDocuments,
  trainingCourses,
  trainingLessons,
  trainingQuestions,
  trainingRules,
} from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { actingUserId, type TenantContext } from "@/lib/core/tenancy/context";
import { assertDepartmentExists } from "@/lib/departments/queries";
import { assignByRules } from "./assign";
import type { CourseInput, LessonInput, QuestionInput, RuleInput } from "./schemas";

async function assertPolicyDocuments(ctx: TenantContext, ids: readonly string[]) {
  if (ids.length === 0) return;
  const found = await ctx.tx
    .select({ id: policyDocuments.id })
    .from(policyDocuments)
    .where(
      and(
        eq(policyDocuments.orgId, ctx.orgId),
        sql`${policyDocuments.id} = any(${sql.param([...ids])}::uuid[])`,
      ),
    );
  if (found.length !== new Set(ids).size)
    throw new AppError("invalid", { policyDocumentIds: "choice" });
}

async function lockCourse(ctx: TenantContext, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(trainingCourses)
    .where(and(eq(trainingCourses.orgId, ctx.orgId), eq(trainingCourses.id, id)))
    .for("update");
  if (!row) throw new AppError("notFound");
  return row;
}

/**
 * Creates a course, or updates one (with `id`). Linking a document anew starts its clock: only
 * material versions published from now on reassign the course.
 */
export async function saveCourse(ctx: TenantContext, input: CourseInput): Promise<string> {
  const documentIds = [...new Set(input.policyDocumentIds)].sort();
  await assertPolicyDocuments(ctx, documentIds);
  const values = {
    code: input.code,
    title: { "zh-CN": input.titleZh, en: input.titleEn },
    description: { "zh-CN": input.descriptionZh, en: input.descriptionEn },
    passMark: input.passMark,
    questionsPerAttempt: input.questionsPerAttempt,
    policyDocumentIds: documentIds,
  };
  const [clash] = await ctx.tx
    .select({ id: trainingCourses.id })
    .from(trainingCourses)
    .where(and(eq(trainingCourses.orgId, ctx.orgId), eq(trainingCourses.code, input.code)));
  if (clash && clash.id !== input.id) throw new AppError("invalid", { code: "courseCodeTaken" });
  if (!input.id) {
    const [row] = await ctx.tx
      .insert(trainingCourses)
      .values({ orgId: ctx.orgId, ...values })
      .returning({ id: trainingCourses.id });
    await ctx.audit({
      action: "training.course_created",
      targetType: "training_course",
      targetId: row.id,
      details: { code: input.code, policyDocuments: documentIds.length },
    });
    return row.id;
  }
  const current = await lockCourse(ctx, input.id);
  const added = documentIds.some((id) => !current.policyDocumentIds.includes(id));
  const changed = (Object.keys(values) as Array<keyof typeof values>).filter(
    (k) => JSON.stringify(current[k]) !== JSON.stringify(values[k]),
  );
  await ctx.tx
    .update(trainingCourses)
    .set({ ...values, updatedAt: sql`now()`, ...(added ? { policiesLinkedAt: sql`now()` } : {}) })
    .where(and(eq(trainingCourses.orgId, ctx.orgId), eq(trainingCourses.id, input.id)));
  await ctx.audit({
    action: "training.course_updated",
    targetType: "training_course",
    targetId: input.id,
    details: { changed },
  });
  return input.id;
}

/** Adds a lesson at the end of the course, or updates one of its lessons. */
export async function saveLesson(ctx: TenantContext, input: LessonInput): Promise<string> {
  await lockCourse(ctx, input.courseId);
  const title = { "zh-CN": input.titleZh, en: input.titleEn };
  const body = { "zh-CN": input.bodyZh, en: input.bodyEn };
  let id = input.id;
  if (id) {
    const [row] = await ctx.tx
      .update(trainingLessons)
      .set({ title, body, updatedAt: sql`now()` })
      .where(
        and(
          eq(trainingLessons.orgId, ctx.orgId),
          eq(trainingLessons.courseId, input.courseId),
          eq(trainingLessons.id, id),
        ),
      )
      .returning({ id: trainingLessons.id });
    if (!row) throw new AppError("notFound");
  } else {
    const [{ last }] = await ctx.tx
      .select({ last: max(trainingLessons.position) })
      .from(trainingLessons)
      .where(
        and(eq(trainingLessons.orgId, ctx.orgId), eq(trainingLessons.courseId, input.courseId)),
      );
    [{ id }] = await ctx.tx
      .insert(trainingLessons)
      .values({
        orgId: ctx.orgId,
        courseId: input.courseId,
        position: (last ?? 0) + 1,
        title,
        body,
      })
      .returning({ id: trainingLessons.id });
  }
  await ctx.audit({
    action: "training.lesson_saved",
    targetType: "training_course",
    targetId: input.courseId,
    details: { lessonId: id!, created: !input.id },
  });
  return id!;
}

/** Removes a lesson. */
export async function removeLesson(ctx: TenantContext, id: string): Promise<string> {
  const [row] = await ctx.tx
    .delete(trainingLessons)
    .where(and(eq(trainingLessons.orgId, ctx.orgId), eq(trainingLessons.id, id)))
    .returning({ courseId: trainingLessons.courseId });
  if (!row) throw new AppError("notFound");
  await ctx.audit({
    action: "training.lesson_removed",
    targetType: "training_course",
    targetId: row.courseId,
    details: { lessonId: id },
  });
  return row.courseId;
}

/** Adds a question to the course's bank. Questions are never edited: attempts keep what they drew. */
export async function addQuestion(ctx: TenantContext, input: QuestionInput): Promise<string> {
  await lockCourse(ctx, input.courseId);
  const [{ last }] = await ctx.tx
    .select({ last: max(trainingQuestions.position) })
    .from(trainingQuestions)
    .where(
      and(eq(trainingQuestions.orgId, ctx.orgId), eq(trainingQuestions.courseId, input.courseId)),
    );
  const [row] = await ctx.tx
    .insert(trainingQuestions)
    .values({ orgId: ctx.orgId, ...input, position: (last ?? 0) + 1 })
    .returning({ id: trainingQuestions.id });
  await ctx.audit({
    action: "training.question_saved",
    targetType: "training_course",
    targetId: input.courseId,
    details: { questionId: row.id, kind: input.kind, options: input.options.length },
  });
  return row.id;
}

/** Retires a question: drawn no more, still shown in the attempts that drew it. */
export async function retireQuestion(ctx: TenantContext, id: string): Promise<string> {
  const [row] = await ctx.tx
    .update(trainingQuestions)
    .set({ retired: true, updatedAt: sql`now()` })
    .where(
      and(
        eq(trainingQuestions.orgId, ctx.orgId),
        eq(trainingQuestions.id, id),
        eq(trainingQuestions.retired, false),
      ),
    )
    .returning({ courseId: trainingQuestions.courseId });
  if (!row) throw new AppError("notFound");
  await ctx.audit({
    action: "training.question_retired",
    targetType: "training_course",
    targetId: row.courseId,
    details: { questionId: id },
  });
  return row.courseId;
}

/** Adds an assignment rule and assigns the course at once to the people it applies to. */
export async function addRule(
  ctx: TenantContext,
  input: RuleInput,
): Promise<{ id: string; assigned: number }> {
  const course = await lockCourse(ctx, input.courseId);
  if (course.retired) throw new AppError("conflict");
  if (input.departmentId)
    await assertDepartmentExists(ctx.tx, ctx.orgId, input.departmentId, "departmentId");
  const [row] = await ctx.tx
    .insert(trainingRules)
    .values({ orgId: ctx.orgId, ...input, createdBy: actingUserId(ctx) })
    .returning({ id: trainingRules.id });
  await ctx.audit({
    action: "training.rule_added",
    targetType: "training_course",
    targetId: input.courseId,
    details: {
      ruleId: row.id,
      scope: input.scope,
      role: input.role,
      departmentId: input.departmentId,
      joinersOnly: input.joinersOnly,
      dueDays: input.dueDays,
      recurYearly: input.recurYearly,
    },
  });
  const counts = await assignByRules(ctx, { courseId: input.courseId });
  const assigned = Object.values(counts.get(input.courseId) ?? {}).reduce((a, b) => a + b, 0);
  return { id: row.id, assigned };
}

/** Removes a rule: nobody new gets the course from it; what it assigned stays assigned. */
export async function removeRule(ctx: TenantContext, id: string): Promise<string> {
  const [row] = await ctx.tx
    .delete(trainingRules)
    .where(and(eq(trainingRules.orgId, ctx.orgId), eq(trainingRules.id, id)))
    .returning({ courseId: trainingRules.courseId });
  if (!row) throw new AppError("notFound");
  await ctx.audit({
    action: "training.rule_removed",
    targetType: "training_course",
    targetId: row.courseId,
    details: { ruleId: id },
  });
  return row.courseId;
}
