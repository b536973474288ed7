import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { localized } from "@/lib/core/i18n/localized-text";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { departmentOptions } from "@/lib/departments/queries";
import { listDocuments } from "@/lib/policies/queries";
import { getCourse, lessonsOf, questionsOf, rulesOf } from "@/lib/training/queries";
import { CourseForm } from "../../../_components/course-form";
import {
  addQuestionAction,
  addRuleAction,
  removeLessonAction,
  removeRuleAction,
  retireQuestionAction,
  saveCourseAction,
  saveLessonAction,
} from "./actions";
import { LessonForm } from "./_components/lesson-form";
import { QuestionForm } from "./_components/question-form";
import { RuleForm } from "./_components/rule-form";

export async function generateMetadata() {
  return { title: (await getTranslations("training"))("courses.manage") };
}

/** The officers' page for one course: settings, lessons, the question bank with answers, rules. */
export default async function ManageCoursePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  const actor = await requirePage("training.manage");
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
        questions: await questionsOf(tx, actor.orgId, course.id),
        rules: await rulesOf(tx, actor.orgId, course.id),
        documents: await listDocuments(tx, actor.orgId),
        departments: await departmentOptions(tx, actor.orgId),
      };
    },
    actor.userId,
  );
  if (!found) notFound();
  const { course, lessons, questions, rules, documents, departments } = found;
  const [t, common, locale, { notice }] = await Promise.all([
    getTranslations("training"),
    getTranslations("common"),
    getLocale(),
    searchParams,
  ]);
  const confirm = (key: string) => ({
    trigger: t(`confirm.${key}.trigger`),
    title: t(`confirm.${key}.title`),
    body: t(`confirm.${key}.body`),
    confirm: t(`confirm.${key}.trigger`),
    cancel: t("confirm.cancel"),
    pending: t("saving"),
  });
  const roleOptions = (["owner", "admin", "privacy_officer", "manager", "employee"] as const).map(
    (r) => ({ value: r, label: common(`roles.${r}`) }),
  );

  return (
    <>
      <PageHeader
        title={localized(course.title, locale)}
        description={t("manageBody")}
        actions={
          <Link href={`/training/courses/${course.id}`} className={buttonClass("secondary")}>
            {t("courses.preview")}
          </Link>
        }
      />
      {notice === "created" && (
        <Notice tone="success" className="mb-6">
          {t("done.created")}
        </Notice>
      )}
      <div className="space-y-8">
        <section aria-labelledby="settings-heading" className="space-y-3">
          <h2 id="settings-heading" className="text-base font-semibold text-slate-900">
            {t("sections.settings")}
          </h2>
          <CourseForm
            action={saveCourseAction}
            documents={documents.map((d) => ({ id: d.id, title: localized(d.title, locale) }))}
            initial={{
              id: course.id,
              code: course.code,
              titleZh: course.title["zh-CN"],
              titleEn: course.title.en,
              descriptionZh: course.description["zh-CN"],
              descriptionEn: course.description.en,
              passMark: String(course.passMark),
              questionsPerAttempt: String(course.questionsPerAttempt),
              policyDocumentIds: course.policyDocumentIds,
            }}
          />
        </section>

        <section aria-labelledby="rules-heading" className="space-y-3">
          <h2 id="rules-heading" className="text-base font-semibold text-slate-900">
            {t("sections.rules")} ({rules.length})
          </h2>
          <Card>
            {rules.length === 0 ? (
              <p className="mb-4 text-sm text-slate-500">{t("rules.none")}</p>
            ) : (
              <ul className="mb-4 divide-y divide-slate-100 text-sm" data-testid="rules">
                {rules.map((r) => (
                  <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                    <span>
                      {r.scope === "everyone"
                        ? t("scope.everyone")
                        : r.scope === "role"
                          ? `${t("scope.role")}: ${common(`roles.${r.role!}`)}`
                          : `${t("scope.department")}: ${r.departmentName ?? ""}`}
                      {" · "}
                      {t("rules.dueDays", { days: r.dueDays })}
                      {r.joinersOnly && ` · ${t("ruleForm.joinersOnly")}`}
                      {r.recurYearly && ` · ${t("ruleForm.recurYearly")}`}
                    </span>
                    <ConfirmForm
                      action={removeRuleAction}
                      fields={{ id: r.id }}
                      labels={confirm("removeRule")}
                    />
                  </li>
                ))}
              </ul>
            )}
            <RuleForm
              action={addRuleAction}
              courseId={course.id}
              roles={roleOptions}
              departments={departments}
            />
          </Card>
        </section>

        <section aria-labelledby="lessons-heading" className="space-y-3">
          <h2 id="lessons-heading" className="text-base font-semibold text-slate-900">
            {t("sections.lessons")} ({lessons.length})
          </h2>
          {lessons.map((lesson, i) => (
            <Card
              key={lesson.id}
              title={`${i + 1}. ${localized(lesson.title, locale)}`}
              action={
                <ConfirmForm
                  action={removeLessonAction}
                  fields={{ id: lesson.id }}
                  labels={confirm("removeLesson")}
                />
              }
            >
              <details>
                <summary className="cursor-pointer text-sm text-brand-700">
                  {t("lessonForm.edit")}
                </summary>
                <div className="mt-3">
                  <LessonForm
                    action={saveLessonAction}
                    courseId={course.id}
                    lessonId={lesson.id}
                    initial={{
                      titleZh: lesson.title["zh-CN"],
                      titleEn: lesson.title.en,
                      bodyZh: lesson.body["zh-CN"],
                      bodyEn: lesson.body.en,
                    }}
                  />
                </div>
              </details>
            </Card>
          ))}
          <Card title={t("lessonForm.add")}>
            <LessonForm
              action={saveLessonAction}
              courseId={course.id}
              initial={{ titleZh: "", titleEn: "", bodyZh: "", bodyEn: "" }}
            />
          </Card>
        </section>

        <section aria-labelledby="questions-heading" className="space-y-3">
          <h2 id="questions-heading" className="text-base font-semibold text-slate-900">
            {t("sections.questions")} ({questions.filter((q) => !q.retired).length})
          </h2>
          <Card>
            <ol className="divide-y divide-slate-100 text-sm" data-testid="question-bank">
              {questions.map((q) => (
                <li key={q.id} className="space-y-1 py-3">
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <p className="font-medium text-slate-900">
                      {localized(q.prompt, locale)}{" "}
                      <Badge>{q.kind === "single" ? t("quiz.single") : t("quiz.multiple")}</Badge>{" "}
                      {q.retired && <Badge tone="amber">{t("questions.retired")}</Badge>}
                    </p>
                    {!q.retired && (
                      <ConfirmForm
                        action={retireQuestionAction}
                        fields={{ id: q.id }}
                        variant="secondary"
                        labels={confirm("retireQuestion")}
                      />
                    )}
                  </div>
                  <ul className="space-y-0.5 pl-4">
                    {q.options.map((o, i) => (
                      <li key={i} className={o.correct ? "text-emerald-800" : "text-slate-600"}>
                        {o.correct ? "✓ " : "· "}
                        {localized(o.text, locale)}
                      </li>
                    ))}
                  </ul>
                  <p className="text-xs text-slate-500">{localized(q.explanation, locale)}</p>
                </li>
              ))}
            </ol>
          </Card>
          <Card title={t("questionForm.add")}>
            <QuestionForm action={addQuestionAction} courseId={course.id} />
          </Card>
        </section>
      </div>
    </>
  );
}
