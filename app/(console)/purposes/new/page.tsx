import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { newPurposeValues } from "@/lib/purposes/form-values";
import { purposeFormOptions } from "@/lib/purposes/queries";
import { localized } from "@/lib/core/i18n/localized-text";
import { PurposeForm } from "../_components/purpose-form";
import { createPurposeAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("purposes"))("newTitle") };
}

export default async function NewPurposePage() {
  const actor = await requirePage("purposes.edit");
  const [t, locale, options] = await Promise.all([
    getTranslations("purposes"),
    getLocale(),
    withTenant(actor.orgId, (tx) => purposeFormOptions(tx, actor.orgId), actor.userId),
  ]);
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <PurposeForm
        action={createPurposeAction}
        initial={newPurposeValues}
        options={{
          ...options,
          documents: options.documents.map((d) => ({ ...d, title: localized(d.title, locale) })),
        }}
        cancelHref="/purposes"
        submitLabel={t("create")}
      />
    </div>
  );
}
