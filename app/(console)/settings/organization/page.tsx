import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { jurisdictions } from "@/db/schema/organizations";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { getOrganization } from "@/lib/organizations/queries";
import { OrganizationForm } from "./_components/organization-form";
import { OrganizationSummary } from "./_components/organization-summary";
import { update } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("organization"))("title") };
}

export default async function OrganizationSettingsPage() {
  const actor = await requirePage("organization.read");
  const [t, common] = await Promise.all([getTranslations("organization"), getTranslations("common")]);
  const org = await withTenant(actor.orgId, (tx) => getOrganization(tx, actor.orgId), actor.userId);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="max-w-3xl space-y-6">
        <Card title={t("profileTitle")}>
          {can(actor.role, "organization.update") ? (
            <OrganizationForm action={update} defaults={{ nameZh: org.nameZh, nameEn: org.nameEn, slug: org.slug, jurisdictions: org.jurisdictions, locale: org.locale }} jurisdictions={jurisdictions} submitLabel={common("save")} />
          ) : (
            <OrganizationSummary org={org} />
          )}
        </Card>
        {can(actor.role, "organization.create") && (
          <Card title={t("another.title")}>
            <p className="mb-3 text-sm text-slate-600">{t("another.body")}</p>
            <Link href="/settings/organization/new" className={buttonClass("secondary")}>{t("another.open")}</Link>
          </Card>
        )}
      </div>
    </>
  );
}
