import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { localized } from "@/lib/core/i18n/localized-text";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { asAppLocale } from "@/lib/core/i18n/locale";
import { PolicyMarkdown } from "@/lib/policies/markdown-view";
import { getCourse, lessonsOf, trainingRecordOf } from "@/lib/training/queries";
import { startAttemptAction } from "./actions";
import { StartForm } from "./_components/start-form";

export async function generateMetadata() {
  return { title: (await getTranslations("training"))("title") };
}

/** A course as a learner reads it: its lessons in their language, the quiz, their attempts. */
export default async function CoursePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("training.read");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const found = await withTenant(
    actor.orgId,
    async (tx) => {
      const course = await getCourse(tx, actor.orgId, id.data);
      if (!course) return undefined;
      return {
        course,
        lessons: await lessonsOf(tx, actor.orgId, course.id),
        record: await trainingRecordOf(tx, actor.orgId, actor.userId),
      };
    },
    actor.userId,
  );
  if (!found) notFound();
  const { course, lessons, record } = found;
  const [t, locale, format] = await Promise.all([
    getTranslations("training"),
    getLocale(),
    getFormatter(),
  ]);
  const lang = asAppLocale(locale);
  const attempts = record.attempts.filter((a) => a.courseId === course.id);
  const openAttempt = attempts.find((a) => !a.submittedAt);

  return (
    <>
      <PageHeader
        title={localized(course.title, locale)}
        description={localized(course.description, locale)}
        actions={
          can(actor.role, "training.manage") && (
            <Link
              href={`/training/courses/${course.id}/manage`}
              className={buttonClass("secondary")}
            >
              {t("courses.manage")}
            </Link>
          )
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {lessons.map((lesson, i) => (
            <Card key={lesson.id} title={`${i + 1}. ${localized(lesson.title, locale)}`}>
              <div
                className="space-y-3 text-sm leading-relaxed text-slate-800"
                data-testid="lesson"
              >
                <PolicyMarkdown source={localized(lesson.body, locale)} lang={lang} />
              </div>
            </Card>
          ))}
        </div>
        <div className="space-y-6">
          <Card title={t("course.quiz")}>
            <p className="mb-3 text-sm text-slate-600">
              {t("course.quizAbout", {
                questions: course.questionsPerAttempt,
                passMark: course.passMark,
              })}
            </p>
            {course.retired ? (
              <p className="text-sm text-slate-500">{t("course.retired")}</p>
            ) : openAttempt ? (
              <Link href={`/training/attempts/${openAttempt.id}`} className={buttonClass()}>
                {t("course.resume")}
              </Link>
            ) : can(actor.role, "training.take") ? (
              <StartForm action={startAttemptAction} courseId={course.id} mode="start" />
            ) : null}
          </Card>
          <Card title={t("course.attempts")}>
            {attempts.filter((a) => a.submittedAt).length === 0 ? (
              <p className="text-sm text-slate-500">{t("course.noAttempts")}</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm" data-testid="attempts">
                {attempts
                  .filter((a) => a.submittedAt)
                  .map((a) => (
                    <li key={a.id} className="flex items-center justify-between gap-2 py-1.5">
                      <Link
                        href={`/training/attempts/${a.id}`}
                        className="text-brand-700 hover:underline"
                      >
                        {format.dateTime(a.submittedAt!, {
                          dateStyle: "medium",
                          timeStyle: "short",
                        })}
                      </Link>
                      <span className="flex items-center gap-2 tabular-nums">
                        {a.score}%
                        <Badge tone={a.passed ? "green" : "red"}>
                          {a.passed ? t("result.passed") : t("result.failed")}
                        </Badge>
                      </span>
                    </li>
                  ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
