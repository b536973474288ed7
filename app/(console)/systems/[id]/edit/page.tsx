import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { getSystem, systemFormOptions } from "@/lib/systems/queries";
import { isSystemId } from "@/lib/systems/schemas";
import { formChoices } from "../../_components/form-choices";
import { SystemForm } from "../../_components/system-form";
import { updateSystemAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("systems"))("edit") };
}

export default async function EditSystemPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("systems.manage");
  const { id } = await params;
  if (!isSystemId(id)) notFound();
  const data = await withTenant(
    actor.orgId,
    async (tx) => {
      const system = await getSystem(tx, actor.orgId, id);
      return system && { system, options: await systemFormOptions(tx, actor.orgId, system) };
    },
    actor.userId,
  );
  if (!data) notFound();
  const { system, options } = data;
  const [t, locale] = await Promise.all([getTranslations("systems"), getLocale()]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("editTitle", { name: system.name })} />
      <SystemForm
        action={updateSystemAction}
        initial={{
          id: system.id,
          version: system.updatedAt,
          name: system.name,
          kind: system.kind,
          description: system.description ?? "",
          ownerDepartmentId: system.ownerDepartmentId ?? "",
          hostingLocation: system.hostingLocation,
          country: system.country,
          vendorId: system.vendorId ?? "",
          dataCategories: system.dataCategories,
          purposeIds: system.purposeIds,
          securityMeasures: system.securityMeasures,
        }}
        {...formChoices(options, locale)}
        cancelHref={`/systems/${system.id}`}
        submitLabel={t("save")}
      />
    </div>
  );
}
