import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { ORG_TIME_ZONE, todayIso } from "@/lib/core/dates";
import { getOrganization } from "@/lib/organizations/queries";
import { lawTimeZones } from "@/lib/requests/clock-rules";
import { timeOfDay } from "@/lib/requests/receipt-time";
import { zoneName } from "@/lib/requests/zone-names";
import { getLocale } from "next-intl/server";
import { IntakeForm } from "./_components/intake-form";

export async function generateMetadata() {
  return { title: (await getTranslations("requests"))("intake.title") };
}

export default async function NewRequestPage() {
  const actor = await requirePage("requests.create");
  const [t, locale] = await Promise.all([getTranslations("requests"), getLocale()]);
  const org = await withTenant(actor.orgId, (tx) => getOrganization(tx, actor.orgId), actor.userId);
  // The zones a request is usually received in: the organisation's (PIPL's) first, then each law's, then UTC.
  const zones = [...new Set([ORG_TIME_ZONE, lawTimeZones.CCPA, org.gdprTimeZone, "UTC"])].map(
    (zone) => ({ value: zone, label: zoneName(zone, locale) }),
  );
  const now = new Date();
  return (
    <>
      <Link
        href="/requests"
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800"
      >
        ← {t("backToList")}
      </Link>
      <PageHeader title={t("intake.title")} description={t("intake.description")} />
      <IntakeForm
        today={todayIso(now)}
        time={timeOfDay(now, ORG_TIME_ZONE)}
        zones={zones}
        jurisdictions={org.jurisdictions}
      />
    </>
  );
}
