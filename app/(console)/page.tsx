import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/core/auth/guard";

export default async function OverviewPage() {
  await requirePage("overview.read");
  const t = await getTranslations("overview");
  return <PageHeader title={t("title")} description={t("description")} />;
}
