import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { LocalizedText } from "@/db/schema/policies";
import { todayIso } from "@/lib/core/dates";

/** One course in one department: the people who have it, how many completed it, how many are late. */
export interface DepartmentTrainingStatus {
  /** Null: members in no department. */
  departmentId: string | null;
  courseId: string;
  courseCode: string;
  courseTitle: LocalizedText;
  /** Active members with the course assigned (open now, or completed). */
  assigned: number;
  /** Of them, those with nothing open: their latest assignment is completed. */
  completed: number;
  /** Of them, those whose open assignment is past its due date. */
  overdue: number;
}

/**
 * Training completion per department and course, counting each active member once per course by
 * their current state (an open assignment beats an older completion). The department is the
 * member's department now. For the department and organisation views (who may see which
 * department is the caller's to decide); `departmentIds` narrows it, `today` is a Beijing date.
 */
export async function trainingStatusByDepartment(
  tx: Tx,
  orgId: string,
  options: { departmentIds?: readonly string[]; today?: string } = {},
): Promise<DepartmentTrainingStatus[]> {
  const today = options.today ?? todayIso();
  const only = options.departmentIds
    ? sql`and m.department_id = any(${sql.param([...options.departmentIds])}::uuid[])`
    : sql``;
  const { rows } = await tx.execute<{
    department_id: string | null;
    course_id: string;
    code: string;
    title: LocalizedText;
    assigned: number;
    completed: number;
    overdue: number;
  }>(sql`with per_person as (
      select m.department_id, a.course_id,
             bool_or(a.completed_at is null) as open,
             bool_or(a.completed_at is null and a.due_on < ${today}::date) as late
      from training_assignments a
      join memberships m on m.org_id = a.org_id and m.user_id = a.user_id
      where a.org_id = ${orgId} and m.deactivated_at is null ${only}
      group by m.department_id, a.course_id, a.user_id
    )
    select p.department_id, p.course_id, c.code, c.title,
           count(*)::int as assigned,
           (count(*) filter (where not p.open))::int as completed,
           (count(*) filter (where p.late))::int as overdue
    from per_person p
    join training_courses c on c.org_id = ${orgId} and c.id = p.course_id
    group by p.department_id, p.course_id, c.code, c.title
    order by c.code, p.department_id`);
  return rows.map((r) => ({
    departmentId: r.department_id,
    courseId: r.course_id,
    courseCode: r.code,
    courseTitle: r.title,
    assigned: r.assigned,
    completed: r.completed,
    overdue: r.overdue,
  }));
}

export interface OverdueTraining {
  userId: string;
  name: string;
  departmentId: string | null;
  courseId: string;
  courseTitle: LocalizedText;
  dueOn: string;
}

/** Active members whose open assignment is past due, oldest due first (a department's list). */
export async function overdueTraining(
  tx: Tx,
  orgId: string,
  options: { departmentIds?: readonly string[]; today?: string } = {},
): Promise<OverdueTraining[]> {
  const today = options.today ?? todayIso();
  const only = options.departmentIds
    ? sql`and m.department_id = any(${sql.param([...options.departmentIds])}::uuid[])`
    : sql``;
  const { rows } = await tx.execute<{
    user_id: string;
    name: string;
    department_id: string | null;
    course_id: string;
    title: LocalizedText;
    due_on: string;
  }>(sql`select a.user_id, u.name, m.department_id, a.course_id, c.title, a.due_on::text
    from training_assignments a
    join memberships m on m.org_id = a.org_id and m.user_id = a.user_id
    join users u on u.id = a.user_id
    join training_courses c on c.org_id = a.org_id and c.id = a.course_id
    where a.org_id = ${orgId} and a.completed_at is null and a.due_on < ${today}::date
      and m.deactivated_at is null ${only}
    order by a.due_on, u.name`);
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    departmentId: r.department_id,
    courseId: r.course_id,
    courseTitle: r.title,
    dueOn: r.due_on,
  }));
}
