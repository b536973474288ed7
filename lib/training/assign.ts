import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { trainingCourses, trainingPolicyTriggers } from "@/db/schema";
import type { AssignmentReason } from "@/db/schema/training";
import { ORG_TIME_ZONE, todayIso } from "@/lib/core/dates";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { materialPublications } from "@/lib/policies/queries";

/**
 * The members a rule `r` applies to (`m`, a membership): active, able to take courses (auditors
 * are read-only), in the rule's scope, and — for a joiners-only rule — joined after it was made.
 */
const inScope = sql`m.deactivated_at is null and m.role <> 'auditor'
  and (r.scope = 'everyone' or (r.scope = 'role' and m.role = r.role)
       or (r.scope = 'department' and m.department_id = r.department_id))
  and (not r.joiners_only or m.created_at > r.created_at)`;

export type AssignedCounts = Map<string, Partial<Record<AssignmentReason, number>>>;

/**
 * Assigns every course to the people its rules apply to who have not had it yet: due `dueDays`
 * after joining for someone who joined after the rule, else after today. With `recurYearly`, a
 * person whose last completion is a year old and has nothing open gets it again. One statement
 * for the whole organisation (or one course); a person several rules match gets the earliest due
 * date; one `training.assigned` event per course with its counts.
 */
export async function assignByRules(
  ctx: TenantContext,
  options: { courseId?: string; today?: string } = {},
): Promise<AssignedCounts> {
  const today = options.today ?? todayIso();
  const course: SQL = options.courseId ? sql`and r.course_id = ${options.courseId}` : sql``;
  const { rows } = await ctx.tx.execute<{ course_id: string; reason: AssignmentReason; n: number }>(
    sql`with candidates as (
      select distinct on (r.course_id, m.user_id)
        r.course_id, m.user_id, r.id as rule_id,
        case when prev.last_completed is not null then 'yearly'
             when m.created_at > r.created_at then 'joiner' else 'rule' end as reason,
        case when prev.n = 0 and m.created_at > r.created_at
             then (m.created_at at time zone ${ORG_TIME_ZONE})::date + r.due_days
             else ${today}::date + r.due_days end as due_on
      from training_rules r
      join training_courses c on c.org_id = r.org_id and c.id = r.course_id and not c.retired
      join memberships m on m.org_id = r.org_id
      cross join lateral (
        select count(*) as n, max(a.completed_at) as last_completed,
               coalesce(bool_or(a.completed_at is null), false) as open
        from training_assignments a
        where a.org_id = r.org_id and a.course_id = r.course_id and a.user_id = m.user_id
      ) prev
      where r.org_id = ${ctx.orgId} ${course} and ${inScope}
        and (prev.n = 0 or (r.recur_yearly and not prev.open
             and prev.last_completed <= now() - interval '1 year'))
      order by r.course_id, m.user_id, due_on
    ), inserted as (
      insert into training_assignments (org_id, course_id, user_id, rule_id, reason, due_on)
      select ${ctx.orgId}, course_id, user_id, rule_id, reason, due_on from candidates
      on conflict do nothing
      returning course_id, reason
    )
    select course_id, reason, count(*)::int as n from inserted group by course_id, reason`,
  );
  const counts: AssignedCounts = new Map();
  for (const row of rows)
    counts.set(row.course_id, { ...counts.get(row.course_id), [row.reason]: row.n });
  for (const [courseId, byReason] of counts)
    await ctx.audit({
      action: "training.assigned",
      targetType: "training_course",
      targetId: courseId,
      details: byReason,
    });
  return counts;
}

/**
 * A material version of a document linked to a course, published after the link was made and
 * not acted on yet, assigns the course again to everyone its rules apply to who has nothing open
 * (due `dueDays` after the publication). Each version acts once per course
 * (`training_policy_triggers`). Reads published versions through lib/policies; policies know
 * nothing of training. Returns the people assigned.
 */
export async function reassignOnPolicyChange(ctx: TenantContext): Promise<number> {
  const courses = await ctx.tx
    .select({
      id: trainingCourses.id,
      documentIds: trainingCourses.policyDocumentIds,
      linkedAt: trainingCourses.policiesLinkedAt,
    })
    .from(trainingCourses)
    .where(
      and(
        eq(trainingCourses.orgId, ctx.orgId),
        eq(trainingCourses.retired, false),
        sql`cardinality(${trainingCourses.policyDocumentIds}) > 0`,
      ),
    );
  let total = 0;
  for (const course of courses) {
    const done = new Set(
      (
        await ctx.tx
          .select({ id: trainingPolicyTriggers.policyVersionId })
          .from(trainingPolicyTriggers)
          .where(
            and(
              eq(trainingPolicyTriggers.orgId, ctx.orgId),
              eq(trainingPolicyTriggers.courseId, course.id),
            ),
          )
      ).map((r) => r.id),
    );
    const versions = await materialPublications(
      ctx.tx,
      ctx.orgId,
      course.documentIds,
      course.linkedAt,
    );
    for (const version of versions.filter((v) => !done.has(v.versionId))) {
      const assigned = await assignForVersion(ctx, course.id, version);
      await ctx.tx.insert(trainingPolicyTriggers).values({
        orgId: ctx.orgId,
        courseId: course.id,
        policyVersionId: version.versionId,
        assigned,
      });
      await ctx.audit({
        action: "training.assigned",
        targetType: "training_course",
        targetId: course.id,
        details: { policy_change: assigned, policyVersionId: version.versionId },
      });
      total += assigned;
    }
  }
  return total;
}

async function assignForVersion(
  ctx: TenantContext,
  courseId: string,
  version: { versionId: string; publishedAt: Date },
): Promise<number> {
  const published = todayIso(version.publishedAt);
  const { rows } = await ctx.tx.execute<{ n: number }>(
    sql`with people as (
      select distinct on (m.user_id) m.user_id, r.id as rule_id, r.due_days
      from training_rules r join memberships m on m.org_id = r.org_id
      where r.org_id = ${ctx.orgId} and r.course_id = ${courseId} and ${inScope}
      order by m.user_id, r.due_days
    ), inserted as (
      insert into training_assignments
        (org_id, course_id, user_id, rule_id, reason, policy_version_id, due_on)
      select ${ctx.orgId}, ${courseId}, p.user_id, p.rule_id, 'policy_change', ${version.versionId},
             ${published}::date + p.due_days
      from people p
      on conflict do nothing
      returning 1
    ) select count(*)::int as n from inserted`,
  );
  return rows[0]?.n ?? 0;
}

/** The assignment job's work for one organisation: rules (joiners, yearly) and policy changes. */
export async function syncAssignments(ctx: TenantContext, today?: string): Promise<void> {
  await assignByRules(ctx, { today });
  await reassignOnPolicyChange(ctx);
}
