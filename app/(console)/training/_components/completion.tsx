import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ProgressBar } from "@/app/(console)/policies/[id]/acknowledgements/_components/progress-bar";
import { localized } from "@/lib/core/i18n/localized-text";
import { Card } from "@/components/ui/card";
import type { DepartmentTrainingStatus, OverdueTraining } from "@/lib/training/department-status";

/** Completion per course over the departments the viewer reads, and the people overdue. */
export async function Completion({
  status,
  overdue,
  title,
}: {
  status: DepartmentTrainingStatus[];
  overdue: OverdueTraining[];
  title: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("training"), getLocale()]);
  const perCourse = new Map<
    string,
    {
      title: DepartmentTrainingStatus["courseTitle"];
      assigned: number;
      completed: number;
      overdue: number;
    }
  >();
  for (const s of status) {
    const row = perCourse.get(s.courseId) ?? {
      title: s.courseTitle,
      assigned: 0,
      completed: 0,
      overdue: 0,
    };
    row.assigned += s.assigned;
    row.completed += s.completed;
    row.overdue += s.overdue;
    perCourse.set(s.courseId, row);
  }
  return (
    <Card title={title}>
      {perCourse.size === 0 ? (
        <p className="text-sm text-slate-500">{t("completion.none")}</p>
      ) : (
        <ul className="space-y-4" data-testid="completion">
          {[...perCourse].map(([courseId, c]) => (
            <li key={courseId} className="space-y-1">
              <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                <Link
                  href={`/training/courses/${courseId}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {localized(c.title, locale)}
                </Link>
                <span className="text-slate-600 tabular-nums">
                  {t("completion.progress", {
                    completed: c.completed,
                    assigned: c.assigned,
                    percent: c.assigned === 0 ? 0 : Math.floor((c.completed * 100) / c.assigned),
                    overdue: c.overdue,
                  })}
                </span>
              </div>
              <ProgressBar value={c.completed} max={c.assigned} />
            </li>
          ))}
        </ul>
      )}
      {overdue.length > 0 && (
        <div className="mt-6">
          <h3 className="mb-2 text-sm font-semibold text-slate-800">
            {t("completion.overdueTitle", { count: overdue.length })}
          </h3>
          <ul className="divide-y divide-slate-100 text-sm" data-testid="overdue-people">
            {overdue.map((o) => (
              <li
                key={`${o.userId}:${o.courseId}`}
                className="flex flex-wrap justify-between gap-2 py-1.5"
              >
                <Link href={`/users/${o.userId}`} className="text-brand-700 hover:underline">
                  {o.name}
                </Link>
                <span className="text-slate-600">
                  {localized(o.courseTitle, locale)} · {t("mine.due", { date: o.dueOn })}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
