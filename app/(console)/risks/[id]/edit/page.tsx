import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { getRisk } from "@/lib/risks/queries";
import { isRiskId } from "@/lib/risks/schemas";
import { memberOptions } from "@/lib/users/queries";
import { RiskForm } from "../../_components/risk-form";
import { updateRiskAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("risks"))("edit") };
}

export default async function EditRiskPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("risks.manage");
  const { id } = await params;
  if (!isRiskId(id)) notFound();
  const data = await withTenant(
    actor.orgId,
    async (tx) => {
      const risk = await getRisk(tx, actor.orgId, id, { all: true });
      return risk && { risk, members: await memberOptions(tx, actor.orgId) };
    },
    actor.userId,
  );
  if (!data) notFound();
  const { risk } = data;
  const t = await getTranslations("risks");
  const initial = {
    id,
    title: risk.title,
    description: risk.description ?? "",
    ownerId: risk.ownerId,
    treatment: risk.treatment,
    reviewOn: risk.reviewOn,
    inherentLikelihood: String(risk.inherentLikelihood),
    inherentImpact: String(risk.inherentImpact),
    residualLikelihood: String(risk.residualLikelihood),
    residualImpact: String(risk.residualImpact),
  };
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("edit")} description={t("editDescription")} />
      <RiskForm
        action={updateRiskAction}
        initial={initial}
        members={data.members}
        cancelHref={`/risks/${id}`}
        submitLabel={t("save")}
      />
    </div>
  );
}
