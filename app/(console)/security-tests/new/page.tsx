import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { todayIso } from "@/lib/core/dates";
import { vendorOptions } from "@/lib/vendors/queries";
import { AssessmentForm } from "./_components/assessment-form";
import { createAssessmentAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("securityTests"))("newAssessment") };
}

export default async function NewAssessmentPage() {
  const actor = await requirePage("security_tests.manage");
  const [t, vendors] = await Promise.all([
    getTranslations("securityTests"),
    withTenant(actor.orgId, (tx) => vendorOptions(tx, actor.orgId), actor.userId),
  ]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("newAssessment")} description={t("newDescription")} />
      <AssessmentForm action={createAssessmentAction} vendors={vendors} today={todayIso()} />
    </div>
  );
}
