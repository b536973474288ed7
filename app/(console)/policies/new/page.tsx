import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { policyKinds } from "@/db/schema/policies";
import { requirePage } from "@/lib/core/auth/guard";
import { DocumentForm } from "../_components/document-form";
import { createPolicyDocumentAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("policies"))("newTitle") };
}

export default async function NewPolicyDocumentPage() {
  await requirePage("policies.edit");
  const t = await getTranslations("policies");
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <DocumentForm action={createPolicyDocumentAction} kinds={policyKinds} />
    </div>
  );
}
