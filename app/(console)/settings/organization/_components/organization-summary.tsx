import { getTranslations } from "next-intl/server";
import type { OrganizationValues } from "./organization-form";

/** Read-only view for roles that may see the settings but not change them. */
export async function OrganizationSummary({ org }: { org: OrganizationValues }) {
  const [t, common] = await Promise.all([
    getTranslations("organization"),
    getTranslations("common"),
  ]);
  const rows: Array<[string, string]> = [
    [t("nameZh"), org.nameZh],
    [t("nameEn"), org.nameEn],
    [t("slug"), org.slug],
    [t("jurisdictions"), org.jurisdictions.map((j) => t(`jurisdiction.${j}`)).join(" · ")],
    [t("locale"), common(`languages.${org.locale}`)],
  ];
  return (
    <dl className="grid gap-4 text-sm sm:grid-cols-2">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
          <dd className="mt-0.5 text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
