import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { localized } from "@/lib/core/i18n/localized-text";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { TrainingRecord } from "@/lib/training/queries";
import { DueBadge } from "./due-badge";

/** The viewer's own courses: open ones with their due dates, then what they completed. */
export async function MyTraining({ record, today }: { record: TrainingRecord; today: string }) {
  const [t, locale, format] = await Promise.all([
    getTranslations("training"),
    getLocale(),
    getFormatter(),
  ]);
  const open = record.assignments.filter((a) => !a.completedAt);
  const done = record.assignments.filter((a) => a.completedAt);
  return (
    <Card title={t("mine.title")}>
      {open.length === 0 && done.length === 0 ? (
        <EmptyState title={t("mine.none")} body={t("mine.noneBody")} />
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="my-courses">
          {[...open, ...done].map((a) => {
            const certificate = record.certificates.find(
              (c) => c.courseId === a.courseId && a.completedAt && c.issuedAt >= a.assignedAt,
            );
            return (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <div className="min-w-0">
                  <Link
                    href={`/training/courses/${a.courseId}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {localized(a.title, locale)}
                  </Link>
                  <p className="text-xs text-slate-500">
                    {t(`reason.${a.reason}`)} · {t("mine.due", { date: a.dueOn })}
                  </p>
                </div>
                <div className="flex items-center gap-3 text-sm">
                  {a.completedAt ? (
                    <>
                      <span className="text-slate-600">
                        {t("mine.completedOn", {
                          date: format.dateTime(a.completedAt, { dateStyle: "medium" }),
                        })}
                      </span>
                      {certificate && (
                        <Link
                          href={`/training/certificates/${certificate.id}`}
                          className="text-brand-700 hover:underline"
                        >
                          {t("mine.certificate")}
                        </Link>
                      )}
                    </>
                  ) : (
                    <DueBadge dueOn={a.dueOn} today={today} />
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
