import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/shell/status-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("errors");
  return { title: t("unavailablePage") };
}

/** Where console pages send a person while the database cannot be reached: reads nothing from it. */
export default async function DatabaseUnavailable() {
  const t = await getTranslations("errors");
  return (
    <StatusPage
      code="503"
      title={t("unavailablePage")}
      body={t("unavailableBody")}
      linkLabel={t("retry")}
    />
  );
}
