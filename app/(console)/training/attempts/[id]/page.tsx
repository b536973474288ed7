import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { localized } from "@/lib/core/i18n/localized-text";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { attemptOf, getCourse } from "@/lib/training/queries";
import { quizView, reviewView } from "@/lib/training/quiz-view";
import { startAttemptAction } from "../../courses/[id]/actions";
import { StartForm } from "../../courses/[id]/_components/start-form";
import { submitAttemptAction } from "./actions";
import { QuizForm } from "./_components/quiz-form";
import { Review } from "./_components/review";

export async function generateMetadata() {
  return { title: (await getTranslations("training"))("quiz.title") };
}

/**
 * One of the viewer's own attempts: the quiz while it is open (no answers sent to the browser),
 * the graded review with explanations once submitted.
 */
export default async function AttemptPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("training.take");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const found = await withTenant(
    actor.orgId,
    async (tx) => {
      const attempt = await attemptOf(tx, actor.orgId, actor.userId, id.data);
      if (!attempt) return undefined;
      return { ...attempt, course: (await getCourse(tx, actor.orgId, attempt.attempt.courseId))! };
    },
    actor.userId,
  );
  if (!found) notFound();
  const { attempt, questions, course, certificateId } = found;
  const [t, locale] = await Promise.all([getTranslations("training"), getLocale()]);
  const back = (
    <Link href={`/training/courses/${course.id}`} className={buttonClass("secondary")}>
      {t("quiz.backToCourse")}
    </Link>
  );

  if (!attempt.submittedAt) {
    return (
      <>
        <PageHeader
          title={localized(course.title, locale)}
          description={t("quiz.intro", { count: attempt.drawn.length, passMark: attempt.passMark })}
          actions={back}
        />
        <QuizForm
          action={submitAttemptAction}
          attemptId={attempt.id}
          questions={quizView(attempt, questions).map((q) => ({
            id: q.id,
            kind: q.kind,
            prompt: localized(q.prompt, locale),
            options: q.options.map((o) => ({ index: o.index, text: localized(o.text, locale) })),
          }))}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title={localized(course.title, locale)} actions={back} />
      <div className="mb-6 space-y-3" data-testid="result">
        <Notice tone={attempt.passed ? "success" : "warning"}>
          {attempt.passed
            ? t("result.passedBody", {
                score: attempt.score ?? 0,
                correct: attempt.correctCount ?? 0,
                total: attempt.drawn.length,
              })
            : t("result.failedBody", {
                score: attempt.score ?? 0,
                correct: attempt.correctCount ?? 0,
                total: attempt.drawn.length,
                passMark: attempt.passMark,
              })}
        </Notice>
        <div className="flex flex-wrap gap-3">
          {certificateId && (
            <Link href={`/training/certificates/${certificateId}`} className={buttonClass()}>
              {t("result.viewCertificate")}
            </Link>
          )}
          {!attempt.passed && !course.retired && (
            <StartForm action={startAttemptAction} courseId={course.id} mode="retry" />
          )}
        </div>
      </div>
      <Review questions={reviewView(attempt, questions)} locale={locale} />
    </>
  );
}
