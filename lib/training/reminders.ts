import "server-only";
import { eq, sql } from "drizzle-orm";
import { organizations } from "@/db/schema";
import type { LocalizedText } from "@/db/schema/policies";
import { addDays, todayIso } from "@/lib/core/dates";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { enqueueStaffMessage } from "@/lib/outbox/enqueue";
import type { MessageLocale, TemplateKey } from "@/lib/outbox/templates";

/** A reminder goes out this many days before the due date (the programme's choice, not a law's). */
export const REMIND_BEFORE_DAYS = 3;
/** An assignment this many days overdue is escalated to the person's department head. */
export const ESCALATE_AFTER_DAYS = 7;

type Kind = "due_soon" | "overdue" | "escalated";
const stamp: Record<Kind, string> = {
  due_soon: "reminded_before_at",
  overdue: "reminded_overdue_at",
  escalated: "escalated_at",
};

type Due = {
  id: string;
  course_id: string;
  title: LocalizedText;
  due_on: string;
  user_id: string;
  email: string;
  name: string;
  head_id: string | null;
  head_email: string | null;
};

/**
 * The daily reminders, each sent once per assignment and stamped on it: to the person
 * `REMIND_BEFORE_DAYS` before the due date and on the first day overdue; to the head of their
 * department `ESCALATE_AFTER_DAYS` after it (nobody when the department has no head, or the
 * person heads it: officers see every overdue person on the training page). Emails go through the
 * outbox in the organisation's language; the console shows the same state on My tasks. Audited
 * per course and kind with counts (reminders) and per assignment (escalations).
 */
export async function sendTrainingReminders(
  ctx: TenantContext,
  today: string = todayIso(),
): Promise<Record<Kind, number>> {
  const [org] = await ctx.tx
    .select({ locale: organizations.locale })
    .from(organizations)
    .where(eq(organizations.id, ctx.orgId));
  const locale: MessageLocale = org?.locale === "en" ? "en" : "zh-CN";
  const conditions: Record<Kind, ReturnType<typeof sql>> = {
    due_soon: sql`a.reminded_before_at is null and a.due_on >= ${today}::date
      and a.due_on <= ${addDays(today, REMIND_BEFORE_DAYS)}::date`,
    overdue: sql`a.reminded_overdue_at is null and a.due_on < ${today}::date`,
    escalated: sql`a.escalated_at is null
      and a.due_on <= ${addDays(today, -ESCALATE_AFTER_DAYS)}::date`,
  };
  const sent: Record<Kind, number> = { due_soon: 0, overdue: 0, escalated: 0 };
  for (const kind of ["due_soon", "overdue", "escalated"] as const) {
    const { rows } = await ctx.tx.execute<Due>(sql`
      update training_assignments a set ${sql.raw(stamp[kind])} = now()
      from memberships m, users u, training_courses c
      where a.org_id = ${ctx.orgId} and a.completed_at is null and ${conditions[kind]}
        and m.org_id = a.org_id and m.user_id = a.user_id and m.deactivated_at is null
        and u.id = a.user_id and c.org_id = a.org_id and c.id = a.course_id
      returning a.id, a.course_id, c.title, a.due_on::text, a.user_id, u.email, u.name,
        (select d.head_user_id from departments d
          where d.org_id = a.org_id and d.id = m.department_id) as head_id,
        (select h.email from departments d join users h on h.id = d.head_user_id
          join memberships hm on hm.org_id = d.org_id and hm.user_id = h.id
            and hm.deactivated_at is null
          where d.org_id = a.org_id and d.id = m.department_id) as head_email`);
    const perCourse = new Map<string, number>();
    for (const row of rows) {
      const course = row.title[locale] || row.title["zh-CN"];
      if (kind === "escalated") {
        const emailed = Boolean(row.head_id && row.head_email && row.head_id !== row.user_id);
        if (emailed)
          await send(ctx, row.head_id!, row.head_email!, locale, "training.escalated", {
            person: row.name,
            course,
            dueOn: row.due_on,
          });
        await ctx.audit({
          action: "training.escalated",
          targetType: "training_assignment",
          targetId: row.id,
          details: { courseId: row.course_id, emailed },
        });
      } else {
        await send(
          ctx,
          row.user_id,
          row.email,
          locale,
          `training.${kind}`,
          kind === "overdue"
            ? { course, dueOn: row.due_on, escalateAfter: String(ESCALATE_AFTER_DAYS) }
            : { course, dueOn: row.due_on },
        );
        perCourse.set(row.course_id, (perCourse.get(row.course_id) ?? 0) + 1);
      }
      sent[kind] += 1;
    }
    for (const [courseId, count] of perCourse)
      await ctx.audit({
        action: "training.reminded",
        targetType: "training_course",
        targetId: courseId,
        details: { kind, count },
      });
  }
  return sent;
}

function send(
  ctx: TenantContext,
  userId: string,
  email: string,
  locale: MessageLocale,
  template: TemplateKey,
  params: Record<string, string>,
) {
  return enqueueStaffMessage(ctx.tx, ctx.orgId, { userId, email, locale, template, params });
}
