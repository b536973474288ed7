import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { departmentOptions } from "@/lib/departments/queries";
import { vendorFormValues } from "@/lib/vendors/form-values";
import { getVendor } from "@/lib/vendors/queries";
import { isVendorId } from "@/lib/vendors/schemas";
import { VendorForm } from "../../_components/vendor-form";
import { updateVendorAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("vendors"))("editTitle") };
}

export default async function EditVendorPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("vendors.update");
  const { id } = await params;
  if (!isVendorId(id)) notFound();
  const [t, data] = await Promise.all([
    getTranslations("vendors"),
    withTenant(
      actor.orgId,
      async (tx) => ({
        vendor: await getVendor(tx, actor.orgId, id),
        departments: await departmentOptions(tx, actor.orgId),
      }),
      actor.userId,
    ),
  ]);
  if (!data.vendor) notFound();
  const { values, computedNextReview } = vendorFormValues(data.vendor);
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t("editTitle")} description={data.vendor.name} />
      <VendorForm
        action={updateVendorAction}
        initial={values}
        departments={data.departments}
        computedNextReview={computedNextReview}
        cancelHref={`/vendors/${id}`}
        submitLabel={t("save")}
      />
    </div>
  );
}
