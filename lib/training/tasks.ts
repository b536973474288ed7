import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { departments, memberships, trainingAssignments, trainingCourses, users } from "@/db/schema";
import type { LocalizedText } from "@/db/schema/policies";

export interface TrainingTask {
  assignmentId: string;
  courseId: string;
  title: LocalizedText;
  dueOn: string;
}

/** The courses this person must still complete, soonest due first (My tasks). */
export function trainingTasksFor(tx: Tx, orgId: string, userId: string): Promise<TrainingTask[]> {
  return tx
    .select({
      assignmentId: trainingAssignments.id,
      courseId: trainingAssignments.courseId,
      title: trainingCourses.title,
      dueOn: trainingAssignments.dueOn,
    })
    .from(trainingAssignments)
    .innerJoin(
      trainingCourses,
      and(
        eq(trainingCourses.orgId, trainingAssignments.orgId),
        eq(trainingCourses.id, trainingAssignments.courseId),
      ),
    )
    .where(
      and(
        eq(trainingAssignments.orgId, orgId),
        eq(trainingAssignments.userId, userId),
        isNull(trainingAssignments.completedAt),
      ),
    )
    .orderBy(asc(trainingAssignments.dueOn));
}

export interface EscalatedTraining extends TrainingTask {
  userId: string;
  name: string;
}

/**
 * Overdue courses escalated to this person as the head of the colleague's department (the
 * reminder job's escalation), still not completed: the head's notice on My tasks.
 */
export function escalatedTo(tx: Tx, orgId: string, headId: string): Promise<EscalatedTraining[]> {
  return tx
    .select({
      assignmentId: trainingAssignments.id,
      courseId: trainingAssignments.courseId,
      title: trainingCourses.title,
      dueOn: trainingAssignments.dueOn,
      userId: trainingAssignments.userId,
      name: users.name,
    })
    .from(trainingAssignments)
    .innerJoin(
      trainingCourses,
      and(
        eq(trainingCourses.orgId, trainingAssignments.orgId),
        eq(trainingCourses.id, trainingAssignments.courseId),
      ),
    )
    .innerJoin(
      memberships,
      and(
        eq(memberships.orgId, trainingAssignments.orgId),
        eq(memberships.userId, trainingAssignments.userId),
      ),
    )
    .innerJoin(
      departments,
      and(eq(departments.orgId, memberships.orgId), eq(departments.id, memberships.departmentId)),
    )
    .innerJoin(users, eq(users.id, trainingAssignments.userId))
    .where(
      and(
        eq(trainingAssignments.orgId, orgId),
        isNull(trainingAssignments.completedAt),
        sql`${trainingAssignments.escalatedAt} is not null`,
        eq(departments.headUserId, headId),
        isNull(memberships.deactivatedAt),
      ),
    )
    .orderBy(asc(trainingAssignments.dueOn));
}
