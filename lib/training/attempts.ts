import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  trainingAssignments,
  trainingAttempts,
  trainingCourses,
  trainingQuestions,
} from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { actingUser, type TenantContext } from "@/lib/core/tenancy/context";
import { issueCertificate } from "./certificates";
import { drawQuestions } from "./draw";
import { gradeAttempt, type Grade } from "./grading";
import type { SubmitAttemptInput } from "./schemas";

/**
 * Starts a quiz on a course for the person acting: questions drawn and shuffled on the server and
 * stored on the attempt, so reloading shows the same quiz and a new draw cannot be fished for. An
 * attempt still open is returned instead of drawing another.
 */
export async function startAttempt(ctx: TenantContext, courseId: string): Promise<string> {
  const userId = actingUser(ctx);
  const [course] = await ctx.tx
    .select()
    .from(trainingCourses)
    .where(
      and(
        eq(trainingCourses.orgId, ctx.orgId),
        eq(trainingCourses.id, courseId),
        eq(trainingCourses.retired, false),
      ),
    );
  if (!course) throw new AppError("notFound");
  // One open attempt per person and course: the lock makes a double click draw once.
  await ctx.tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`training-attempt:${courseId}:${userId}`}))`,
  );
  const [open] = await ctx.tx
    .select({ id: trainingAttempts.id })
    .from(trainingAttempts)
    .where(
      and(
        eq(trainingAttempts.orgId, ctx.orgId),
        eq(trainingAttempts.courseId, courseId),
        eq(trainingAttempts.userId, userId),
        isNull(trainingAttempts.submittedAt),
      ),
    );
  if (open) {
    // A second click, or a stale page: the open attempt, with its questions as first drawn.
    await ctx.audit({
      action: "training.attempt_started",
      targetType: "training_attempt",
      targetId: open.id,
      details: { courseId, resumed: true },
    });
    return open.id;
  }
  const bank = await ctx.tx
    .select({ id: trainingQuestions.id, options: trainingQuestions.options })
    .from(trainingQuestions)
    .where(
      and(
        eq(trainingQuestions.orgId, ctx.orgId),
        eq(trainingQuestions.courseId, courseId),
        eq(trainingQuestions.retired, false),
      ),
    );
  if (bank.length === 0) throw new AppError("conflict", undefined, "courseHasNoQuestions");
  const drawn = drawQuestions(
    bank.map((q) => ({ id: q.id, optionCount: q.options.length })),
    course.questionsPerAttempt,
  );
  const [assignment] = await openAssignment(ctx, courseId, userId);
  const [row] = await ctx.tx
    .insert(trainingAttempts)
    .values({
      orgId: ctx.orgId,
      courseId,
      userId,
      assignmentId: assignment?.id ?? null,
      drawn,
      passMark: course.passMark,
    })
    .returning({ id: trainingAttempts.id });
  await ctx.audit({
    action: "training.attempt_started",
    targetType: "training_attempt",
    targetId: row.id,
    details: { courseId, questions: drawn.length },
  });
  return row.id;
}

const openAssignment = (ctx: TenantContext, courseId: string, userId: string) =>
  ctx.tx
    .select({ id: trainingAssignments.id })
    .from(trainingAssignments)
    .where(
      and(
        eq(trainingAssignments.orgId, ctx.orgId),
        eq(trainingAssignments.courseId, courseId),
        eq(trainingAssignments.userId, userId),
        isNull(trainingAssignments.completedAt),
      ),
    )
    .for("update");

/**
 * Grades the acting person's open attempt on the server. Every drawn question needs an answer
 * among its own options (one for single choice). A pass completes the open assignment of the
 * course and issues a certificate; the attempt is closed either way.
 */
export async function submitAttempt(
  ctx: TenantContext,
  input: SubmitAttemptInput,
): Promise<Grade & { courseId: string; certificateId: string | null }> {
  const userId = actingUser(ctx);
  const [attempt] = await ctx.tx
    .select()
    .from(trainingAttempts)
    .where(and(eq(trainingAttempts.orgId, ctx.orgId), eq(trainingAttempts.id, input.attemptId)))
    .for("update");
  // Someone else's attempt is as unknown as a missing one.
  if (!attempt || attempt.userId !== userId) throw new AppError("notFound");
  if (attempt.submittedAt) throw new AppError("conflict", undefined, "attemptSubmitted");
  const questions = await ctx.tx
    .select({
      id: trainingQuestions.id,
      kind: trainingQuestions.kind,
      options: trainingQuestions.options,
    })
    .from(trainingQuestions)
    .where(
      and(
        eq(trainingQuestions.orgId, ctx.orgId),
        inArray(
          trainingQuestions.id,
          attempt.drawn.map((d) => d.questionId),
        ),
      ),
    );
  const byId = new Map(questions.map((q) => [q.id, q]));
  const problems: Record<string, string> = {};
  for (const { questionId } of attempt.drawn) {
    const question = byId.get(questionId);
    const chosen = [...new Set(input.answers[questionId] ?? [])];
    if (chosen.length === 0) problems[`answers.${questionId}`] = "answerRequired";
    else if (!question || chosen.some((c) => c >= question.options.length))
      problems[`answers.${questionId}`] = "choice";
    else if (question.kind === "single" && chosen.length > 1)
      problems[`answers.${questionId}`] = "answerOne";
  }
  if (Object.keys(problems).length > 0)
    throw new AppError("invalid", problems, "answerEveryQuestion");

  const answers = Object.fromEntries(
    attempt.drawn.map(({ questionId }) => [questionId, input.answers[questionId]]),
  );
  const grade = gradeAttempt(
    attempt.drawn,
    new Map(questions.map((q) => [q.id, q.options])),
    answers,
    attempt.passMark,
  );
  await ctx.tx
    .update(trainingAttempts)
    .set({
      answers,
      correctCount: grade.correctCount,
      score: grade.score,
      passed: grade.passed,
      submittedAt: sql`now()`,
    })
    .where(and(eq(trainingAttempts.orgId, ctx.orgId), eq(trainingAttempts.id, attempt.id)));
  await ctx.audit({
    action: "training.attempt_submitted",
    targetType: "training_attempt",
    targetId: attempt.id,
    details: { courseId: attempt.courseId, score: grade.score, passed: grade.passed },
  });
  let certificateId: string | null = null;
  if (grade.passed) {
    const [assignment] = await openAssignment(ctx, attempt.courseId, userId);
    if (assignment) {
      await ctx.tx
        .update(trainingAssignments)
        .set({ completedAt: sql`now()` })
        .where(
          and(eq(trainingAssignments.orgId, ctx.orgId), eq(trainingAssignments.id, assignment.id)),
        );
      await ctx.audit({
        action: "training.completed",
        targetType: "training_assignment",
        targetId: assignment.id,
        details: { courseId: attempt.courseId, attemptId: attempt.id },
      });
    }
    certificateId = (await issueCertificate(ctx, { ...attempt, userId, score: grade.score })).id;
  }
  return { ...grade, courseId: attempt.courseId, certificateId };
}
