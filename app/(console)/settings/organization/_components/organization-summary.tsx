import { getLocale, getTranslations } from "next-intl/server";
import { Facts } from "@/components/ui/facts";
import { zoneName } from "@/lib/requests/zone-names";
import type { OrganizationValues } from "./organization-form";

/** Read-only view for roles that may see the settings but not change them. */
export async function OrganizationSummary({ org }: { org: OrganizationValues }) {
  const [t, common, locale] = await Promise.all([
    getTranslations("organization"),
    getTranslations("common"),
    getLocale(),
  ]);
  const rows: Array<[string, string]> = [
    [t("nameZh"), org.nameZh],
    [t("nameEn"), org.nameEn],
    [t("slug"), org.slug],
    [t("jurisdictions"), org.jurisdictions.map((j) => t(`jurisdiction.${j}`)).join(" · ")],
    [t("locale"), common(`languages.${org.locale}`)],
    [t("timeZone"), zoneName(org.timeZone, locale)],
  ];
  return <Facts items={rows.map(([label, value]) => ({ label, value }))} />;
}
