/** Builders shared by the training tests. */
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { memberships, trainingAssignments } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { tenantContext } from "@/lib/core/tenancy/context";
import { addQuestion, saveCourse, saveLesson } from "./courses";

/**
 * A course with a lesson and `questions` single-choice questions whose first option is right
 * (two options each, "对"/"Right" first and "错"/"Wrong" second), made as `officerId`.
 */
export async function courseWithQuestions(
  orgId: string,
  officerId: string,
  options: {
    questions?: number;
    perAttempt?: number;
    passMark?: number;
    documents?: string[];
  } = {},
): Promise<{ courseId: string; questionIds: string[] }> {
  return withTenant(orgId, async (tx) => {
    const ctx = tenantContext(tx, orgId, { type: "user", id: officerId });
    const courseId = await saveCourse(ctx, {
      code: `course-${randomBytes(3).toString("hex")}`,
      titleZh: "个人信息保护基础",
      titleEn: "PIPL essentials",
      descriptionZh: "说明",
      descriptionEn: "About",
      passMark: options.passMark ?? 80,
      questionsPerAttempt: options.perAttempt ?? options.questions ?? 5,
      policyDocumentIds: options.documents ?? [],
    });
    await saveLesson(ctx, {
      courseId,
      titleZh: "第一课",
      titleEn: "Lesson one",
      bodyZh: "# 标题\n\n正文",
      bodyEn: "# Title\n\nBody",
    });
    const questionIds: string[] = [];
    for (let i = 0; i < (options.questions ?? 5); i++)
      questionIds.push(
        await addQuestion(ctx, {
          courseId,
          kind: "single",
          prompt: { "zh-CN": `问题 ${i + 1}`, en: `Question ${i + 1}` },
          explanation: { "zh-CN": `解释 ${i + 1}`, en: `Because ${i + 1}` },
          options: [
            { text: { "zh-CN": "对", en: "Right" }, correct: true },
            { text: { "zh-CN": "错", en: "Wrong" }, correct: false },
          ],
        }),
      );
    return { courseId, questionIds };
  });
}

/** Sets when a member joined (the membership's creation), for the new-joiner rules. */
export function setJoined(orgId: string, userId: string, at: Date) {
  return withTenant(orgId, (tx) =>
    tx
      .update(memberships)
      .set({ createdAt: at })
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId))),
  );
}

/** A person's assignments of a course, oldest first. */
export function assignmentsOf(orgId: string, courseId: string, userId?: string) {
  return withTenant(orgId, (tx) =>
    tx
      .select()
      .from(trainingAssignments)
      .where(
        and(
          eq(trainingAssignments.orgId, orgId),
          eq(trainingAssignments.courseId, courseId),
          userId ? eq(trainingAssignments.userId, userId) : undefined,
        ),
      )
      .orderBy(trainingAssignments.assignedAt),
  );
}
