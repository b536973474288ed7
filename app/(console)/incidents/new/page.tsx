import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { todayIso } from "@/lib/core/dates";
import { vendorChoices } from "@/lib/incidents/queries";
import { timeOfDay } from "@/lib/requests/receipt-time";
import { ReportForm } from "./_components/report-form";
import { reportIncidentAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("incidents"))("report.title") };
}

/** Anyone signed in reports a suspected incident here, from the shell's button. */
export default async function ReportIncidentPage() {
  const actor = await requirePage("incidents.report");
  const [t, vendors] = await Promise.all([
    getTranslations("incidents"),
    withTenant(actor.orgId, (tx) => vendorChoices(tx, actor.orgId), actor.userId),
  ]);
  const now = new Date();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("report.title")} description={t("report.description")} />
      <ReportForm
        action={reportIncidentAction}
        vendors={vendors}
        today={todayIso(now)}
        time={timeOfDay(now, "Asia/Shanghai")}
      />
    </div>
  );
}
