import { getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/core/i18n/localized-text";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { listDocuments } from "@/lib/policies/queries";
import { CourseForm } from "../../_components/course-form";
import { createCourseAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("training"))("newCourse") };
}

/** A new course: settings first; lessons, questions and rules follow on its manage page. */
export default async function NewCoursePage() {
  const actor = await requirePage("training.manage");
  const documents = await withTenant(
    actor.orgId,
    (tx) => listDocuments(tx, actor.orgId),
    actor.userId,
  );
  const [t, locale] = await Promise.all([getTranslations("training"), getLocale()]);
  return (
    <>
      <PageHeader title={t("newCourse")} description={t("newCourseBody")} />
      <CourseForm
        action={createCourseAction}
        documents={documents.map((d) => ({ id: d.id, title: localized(d.title, locale) }))}
        initial={{
          code: "",
          titleZh: "",
          titleEn: "",
          descriptionZh: "",
          descriptionEn: "",
          passMark: "80",
          questionsPerAttempt: "8",
          policyDocumentIds: [],
        }}
      />
    </>
  );
}
