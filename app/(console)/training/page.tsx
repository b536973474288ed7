import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { localized } from "@/lib/core/i18n/localized-text";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { todayIso } from "@/lib/core/dates";
import { overdueTraining, trainingStatusByDepartment } from "@/lib/training/department-status";
import { listCourses, trainingRecordOf } from "@/lib/training/queries";
import { Completion } from "./_components/completion";
import { MyTraining } from "./_components/my-training";
import { recordScope } from "./scope";

export async function generateMetadata() {
  return { title: (await getTranslations("training"))("title") };
}

/**
 * Everyone's training page: their own courses and certificates; with records rights, completion
 * of the departments they may see and who is overdue; for officers, the courses to manage.
 */
export default async function TrainingPage() {
  const actor = await requirePage("training.read");
  const readsRecords = can(actor.role, "trainingRecords.read");
  const manages = can(actor.role, "training.manage");
  const today = todayIso();
  const [record, courses, status, overdue] = await withTenant(
    actor.orgId,
    async (tx) => {
      const scope = readsRecords ? await recordScope(tx, actor) : [];
      return [
        await trainingRecordOf(tx, actor.orgId, actor.userId),
        manages ? await listCourses(tx, actor.orgId) : [],
        readsRecords
          ? await trainingStatusByDepartment(tx, actor.orgId, { departmentIds: scope, today })
          : [],
        readsRecords ? await overdueTraining(tx, actor.orgId, { departmentIds: scope, today }) : [],
      ] as const;
    },
    actor.userId,
  );
  const [t, locale] = await Promise.all([getTranslations("training"), getLocale()]);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          manages && (
            <Link href="/training/courses/new" className={buttonClass()}>
              {t("newCourse")}
            </Link>
          )
        }
      />
      <div className="space-y-6">
        <MyTraining record={record} today={today} />
        {readsRecords && (
          <Completion
            status={status}
            overdue={overdue}
            title={actor.role === "manager" ? t("completion.team") : t("completion.organisation")}
          />
        )}
        {manages && (
          <Card title={t("courses.title")}>
            <ul className="divide-y divide-slate-100" data-testid="course-list">
              {courses.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                  <div className="min-w-0">
                    <Link
                      href={`/training/courses/${c.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {localized(c.title, locale)}
                    </Link>
                    <p className="text-xs text-slate-500">
                      {t("courses.summary", {
                        lessons: c.lessons,
                        questions: c.questions,
                        rules: c.rules,
                        passMark: c.passMark,
                      })}
                    </p>
                  </div>
                  <Link
                    href={`/training/courses/${c.id}/manage`}
                    className={buttonClass("secondary", "sm")}
                  >
                    {t("courses.manage")}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </>
  );
}
