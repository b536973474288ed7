import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/shell/status-page";

export default async function Forbidden() {
  const [t, nav] = await Promise.all([getTranslations("errors"), getTranslations("nav")]);
  return (
    <StatusPage
      code="403"
      title={t("forbiddenPage")}
      body={t("forbiddenPageBody")}
      linkLabel={nav("overview")}
    />
  );
}
