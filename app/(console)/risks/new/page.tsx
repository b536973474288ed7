import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { addMonths, todayIso } from "@/lib/core/dates";
import { memberOptions } from "@/lib/users/queries";
import { RiskForm } from "../_components/risk-form";
import { createRiskAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("risks"))("newRisk") };
}

export default async function NewRiskPage() {
  const actor = await requirePage("risks.manage");
  const [t, members] = await Promise.all([
    getTranslations("risks"),
    withTenant(actor.orgId, (tx) => memberOptions(tx, actor.orgId), actor.userId),
  ]);
  const initial = {
    title: "",
    description: "",
    ownerId: "",
    treatment: "mitigate",
    reviewOn: addMonths(todayIso(), 3),
    inherentLikelihood: "3",
    inherentImpact: "3",
    residualLikelihood: "2",
    residualImpact: "3",
  };
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("newRisk")} description={t("newDescription")} />
      <RiskForm
        action={createRiskAction}
        initial={initial}
        members={members}
        cancelHref="/risks"
        submitLabel={t("create")}
      />
    </div>
  );
}
