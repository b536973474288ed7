import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { departmentOptions } from "@/lib/departments/queries";
import { newVendorValues } from "@/lib/vendors/form-values";
import { VendorForm } from "../_components/vendor-form";
import { createVendorAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("vendors"))("newTitle") };
}

export default async function NewVendorPage() {
  const actor = await requirePage("vendors.create");
  const [t, departments] = await Promise.all([
    getTranslations("vendors"),
    withTenant(actor.orgId, (tx) => departmentOptions(tx, actor.orgId), actor.userId),
  ]);
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <VendorForm
        action={createVendorAction}
        initial={newVendorValues}
        departments={departments}
        cancelHref="/vendors"
        submitLabel={t("create")}
      />
    </div>
  );
}
