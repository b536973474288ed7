import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/shell/status-page";

export default async function NotFound() {
  const [t, nav] = await Promise.all([getTranslations("errors"), getTranslations("nav")]);
  return (
    <StatusPage
      code="404"
      title={t("notFoundPage")}
      body={t("notFound")}
      linkLabel={nav("overview")}
    />
  );
}
