import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  departments,
  trainingAssignments,
  trainingAttempts,
  trainingCertificates,
  trainingCourses,
  trainingLessons,
  trainingQuestions,
  trainingRules,
  users,
} from "@/db/schema";

export type Course = typeof trainingCourses.$inferSelect;

/** Every course with its bank's size and who has it, for the officers' list. */
export async function listCourses(tx: Tx, orgId: string) {
  return tx
    .select({
      id: trainingCourses.id,
      code: trainingCourses.code,
      title: trainingCourses.title,
      passMark: trainingCourses.passMark,
      retired: trainingCourses.retired,
      questions: sql<number>`(select count(*)::int from ${trainingQuestions} q
        where q.org_id = ${trainingCourses.orgId} and q.course_id = ${trainingCourses.id}
          and not q.retired)`,
      lessons: sql<number>`(select count(*)::int from ${trainingLessons} l
        where l.org_id = ${trainingCourses.orgId} and l.course_id = ${trainingCourses.id})`,
      rules: sql<number>`(select count(*)::int from ${trainingRules} r
        where r.org_id = ${trainingCourses.orgId} and r.course_id = ${trainingCourses.id})`,
    })
    .from(trainingCourses)
    .where(eq(trainingCourses.orgId, orgId))
    .orderBy(asc(trainingCourses.code));
}

export async function getCourse(tx: Tx, orgId: string, id: string): Promise<Course | undefined> {
  const [row] = await tx
    .select()
    .from(trainingCourses)
    .where(and(eq(trainingCourses.orgId, orgId), eq(trainingCourses.id, id)));
  return row;
}

export function lessonsOf(tx: Tx, orgId: string, courseId: string) {
  return tx
    .select()
    .from(trainingLessons)
    .where(and(eq(trainingLessons.orgId, orgId), eq(trainingLessons.courseId, courseId)))
    .orderBy(asc(trainingLessons.position));
}

/** The bank with its answers: for the officers' page only. */
export function questionsOf(tx: Tx, orgId: string, courseId: string) {
  return tx
    .select()
    .from(trainingQuestions)
    .where(and(eq(trainingQuestions.orgId, orgId), eq(trainingQuestions.courseId, courseId)))
    .orderBy(asc(trainingQuestions.retired), asc(trainingQuestions.position));
}

export function rulesOf(tx: Tx, orgId: string, courseId: string) {
  return tx
    .select({
      id: trainingRules.id,
      scope: trainingRules.scope,
      role: trainingRules.role,
      departmentName: departments.name,
      joinersOnly: trainingRules.joinersOnly,
      dueDays: trainingRules.dueDays,
      recurYearly: trainingRules.recurYearly,
      createdAt: trainingRules.createdAt,
    })
    .from(trainingRules)
    .leftJoin(
      departments,
      and(
        eq(departments.orgId, trainingRules.orgId),
        eq(departments.id, trainingRules.departmentId),
      ),
    )
    .where(and(eq(trainingRules.orgId, orgId), eq(trainingRules.courseId, courseId)))
    .orderBy(asc(trainingRules.createdAt));
}

/**
 * A person's training record: each assignment (newest first) with its course, every attempt and
 * every certificate. What "My training" and a member's page show.
 */
export async function trainingRecordOf(tx: Tx, orgId: string, userId: string) {
  const assignments = await tx
    .select({
      id: trainingAssignments.id,
      courseId: trainingAssignments.courseId,
      title: trainingCourses.title,
      reason: trainingAssignments.reason,
      assignedAt: trainingAssignments.assignedAt,
      dueOn: trainingAssignments.dueOn,
      completedAt: trainingAssignments.completedAt,
    })
    .from(trainingAssignments)
    .innerJoin(
      trainingCourses,
      and(
        eq(trainingCourses.orgId, trainingAssignments.orgId),
        eq(trainingCourses.id, trainingAssignments.courseId),
      ),
    )
    .where(and(eq(trainingAssignments.orgId, orgId), eq(trainingAssignments.userId, userId)))
    .orderBy(desc(trainingAssignments.assignedAt));
  const attempts = await tx
    .select({
      id: trainingAttempts.id,
      courseId: trainingAttempts.courseId,
      title: trainingCourses.title,
      startedAt: trainingAttempts.startedAt,
      submittedAt: trainingAttempts.submittedAt,
      score: trainingAttempts.score,
      passMark: trainingAttempts.passMark,
      passed: trainingAttempts.passed,
    })
    .from(trainingAttempts)
    .innerJoin(
      trainingCourses,
      and(
        eq(trainingCourses.orgId, trainingAttempts.orgId),
        eq(trainingCourses.id, trainingAttempts.courseId),
      ),
    )
    .where(and(eq(trainingAttempts.orgId, orgId), eq(trainingAttempts.userId, userId)))
    .orderBy(desc(trainingAttempts.startedAt));
  const certificates = await tx
    .select({
      id: trainingCertificates.id,
      courseId: trainingCertificates.courseId,
      title: trainingCourses.title,
      code: trainingCertificates.code,
      issuedAt: trainingCertificates.issuedAt,
    })
    .from(trainingCertificates)
    .innerJoin(
      trainingCourses,
      and(
        eq(trainingCourses.orgId, trainingCertificates.orgId),
        eq(trainingCourses.id, trainingCertificates.courseId),
      ),
    )
    .where(and(eq(trainingCertificates.orgId, orgId), eq(trainingCertificates.userId, userId)))
    .orderBy(desc(trainingCertificates.issuedAt));
  return { assignments, attempts, certificates };
}
export type TrainingRecord = Awaited<ReturnType<typeof trainingRecordOf>>;

/** One attempt of this person's, or undefined (someone else's is as unknown as a missing one). */
export async function attemptOf(tx: Tx, orgId: string, userId: string, id: string) {
  const [attempt] = await tx
    .select()
    .from(trainingAttempts)
    .where(
      and(
        eq(trainingAttempts.orgId, orgId),
        eq(trainingAttempts.id, id),
        eq(trainingAttempts.userId, userId),
      ),
    );
  if (!attempt) return undefined;
  const questions = await tx
    .select()
    .from(trainingQuestions)
    .where(
      and(
        eq(trainingQuestions.orgId, orgId),
        inArray(
          trainingQuestions.id,
          attempt.drawn.map((d) => d.questionId),
        ),
      ),
    );
  const [certificate] = await tx
    .select({ id: trainingCertificates.id })
    .from(trainingCertificates)
    .where(and(eq(trainingCertificates.orgId, orgId), eq(trainingCertificates.attemptId, id)));
  return { attempt, questions, certificateId: certificate?.id ?? null };
}

/** A certificate of this person's (a holder sees their own; records readers see anyone's). */
export async function certificateOf(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select({
      id: trainingCertificates.id,
      userId: trainingCertificates.userId,
      holderName: users.name,
      code: trainingCertificates.code,
      score: trainingCertificates.score,
      issuedAt: trainingCertificates.issuedAt,
      courseId: trainingCertificates.courseId,
      title: trainingCourses.title,
    })
    .from(trainingCertificates)
    .innerJoin(
      trainingCourses,
      and(
        eq(trainingCourses.orgId, trainingCertificates.orgId),
        eq(trainingCourses.id, trainingCertificates.courseId),
      ),
    )
    .innerJoin(users, eq(users.id, trainingCertificates.userId))
    .where(and(eq(trainingCertificates.orgId, orgId), eq(trainingCertificates.id, id)));
  return row;
}
