import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DueBadge } from "@/app/(console)/training/_components/due-badge";
import { localized } from "@/lib/core/i18n/localized-text";
import { buttonClass } from "@/components/ui/button";
import type { EscalatedTraining, TrainingTask } from "@/lib/training/tasks";

/**
 * Courses to complete, with their due state (the console side of the reminders), and for a
 * department head the colleagues' overdue courses escalated to them.
 */
export async function TrainingTasks({
  tasks,
  escalated,
  today,
}: {
  tasks: TrainingTask[];
  escalated: EscalatedTraining[];
  today: string;
}) {
  if (tasks.length === 0 && escalated.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("training"), getLocale()]);
  return (
    <>
      {tasks.length > 0 && (
        <section aria-labelledby="training-tasks-heading" className="mb-6">
          <h2 id="training-tasks-heading" className="mb-2 text-base font-semibold text-slate-900">
            {t("tasks.title")} ({tasks.length})
          </h2>
          <ul
            className="divide-y divide-slate-100 rounded-lg bg-white shadow-xs ring-1 ring-slate-200"
            data-testid="training-tasks"
          >
            {tasks.map((task) => (
              <li
                key={task.assignmentId}
                className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
              >
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">{localized(task.title, locale)}</p>
                  <p className="flex items-center gap-2 text-sm text-slate-600">
                    {t("mine.due", { date: task.dueOn })}
                    <DueBadge dueOn={task.dueOn} today={today} />
                  </p>
                </div>
                <Link href={`/training/courses/${task.courseId}`} className={buttonClass()}>
                  {t("tasks.take")}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {escalated.length > 0 && (
        <section aria-labelledby="training-escalated-heading" className="mb-6">
          <h2
            id="training-escalated-heading"
            className="mb-2 text-base font-semibold text-slate-900"
          >
            {t("tasks.escalated")} ({escalated.length})
          </h2>
          <ul
            className="divide-y divide-slate-100 rounded-lg bg-white shadow-xs ring-1 ring-red-200"
            data-testid="training-escalated"
          >
            {escalated.map((e) => (
              <li
                key={e.assignmentId}
                className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm"
              >
                <span className="font-medium text-slate-900">{e.name}</span>
                <span className="flex items-center gap-2 text-slate-600">
                  {localized(e.title, locale)} · {t("mine.due", { date: e.dueOn })}
                  <DueBadge dueOn={e.dueOn} today={today} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
