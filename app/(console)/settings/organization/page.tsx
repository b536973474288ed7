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
import { timeZones } from "@/lib/organizations/schemas";
import { gdprTimeZones, piplPeriodLimits } from "@/lib/requests/clock-rules";
import { piplPeriodFor } from "@/lib/requests/clock-settings";
import { zoneName } from "@/lib/requests/zone-names";
import type { RequestType } from "@/db/schema/requests";
import { getLocale } from "next-intl/server";
import { ClockSettingsForm } from "./_components/clock-settings-form";
import { ClockSettingsSummary } from "./_components/clock-settings-summary";
import { OrganizationForm } from "./_components/organization-form";
import { OrganizationSummary } from "./_components/organization-summary";
import { update, updateClockSettingsAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("organization"))("title") };
}

export default async function OrganizationSettingsPage() {
  const actor = await requirePage("organization.read");
  const [t, common] = await Promise.all([
    getTranslations("organization"),
    getTranslations("common"),
  ]);
  const org = await withTenant(actor.orgId, (tx) => getOrganization(tx, actor.orgId), actor.userId);
  const locale = await getLocale();
  const periods = (Object.keys(piplPeriodLimits) as RequestType[]).map((type) => ({
    type,
    ...piplPeriodFor(org.piplPeriods, type),
  }));
  const zoneLabels = Object.fromEntries(
    gdprTimeZones.map((zone) => [zone, zoneName(zone, locale)]),
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="max-w-3xl space-y-6">
        <Card title={t("profileTitle")}>
          {can(actor.role, "organization.update") ? (
            <OrganizationForm
              action={update}
              defaults={{
                nameZh: org.nameZh,
                nameEn: org.nameEn,
                slug: org.slug,
                jurisdictions: org.jurisdictions,
                locale: org.locale,
                gdprChildAge: org.gdprChildAge,
                timeZone: org.timeZone,
              }}
              jurisdictions={jurisdictions}
              timeZones={timeZones}
              submitLabel={common("save")}
            />
          ) : (
            <OrganizationSummary org={org} />
          )}
        </Card>
        <Card title={t("clocks.title")}>
          <p className="mb-4 text-sm text-slate-600">{t("clocks.body")}</p>
          {can(actor.role, "clocks.manage") ? (
            <ClockSettingsForm
              action={updateClockSettingsAction}
              gdprTimeZone={org.gdprTimeZone}
              periods={periods}
              zoneLabels={zoneLabels}
            />
          ) : (
            <ClockSettingsSummary
              gdprTimeZone={zoneLabels[org.gdprTimeZone] ?? org.gdprTimeZone}
              periods={periods}
            />
          )}
        </Card>
        {can(actor.role, "organization.create") && (
          <Card title={t("another.title")}>
            <p className="mb-3 text-sm text-slate-600">{t("another.body")}</p>
            <Link href="/settings/organization/new" className={buttonClass("secondary")}>
              {t("another.open")}
            </Link>
          </Card>
        )}
      </div>
    </>
  );
}
