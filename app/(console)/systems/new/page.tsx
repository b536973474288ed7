import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { systemFormOptions } from "@/lib/systems/queries";
import { HOME_REGION } from "@/lib/vendors/options";
import { formChoices } from "../_components/form-choices";
import { SystemForm } from "../_components/system-form";
import { createSystemAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("systems"))("newSystem") };
}

export default async function NewSystemPage() {
  const actor = await requirePage("systems.manage");
  const options = await withTenant(
    actor.orgId,
    (tx) => systemFormOptions(tx, actor.orgId),
    actor.userId,
  );
  const [t, locale] = await Promise.all([getTranslations("systems"), getLocale()]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("newSystem")} description={t("newDescription")} />
      <SystemForm
        action={createSystemAction}
        initial={{
          name: "",
          kind: "application",
          description: "",
          ownerDepartmentId: "",
          hostingLocation: "",
          country: HOME_REGION,
          vendorId: "",
          dataCategories: [],
          purposeIds: [],
          securityMeasures: [],
        }}
        {...formChoices(options, locale)}
        cancelHref="/systems"
        submitLabel={t("create")}
      />
    </div>
  );
}
