import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { gdprChildAgeRule } from "@/lib/consent/legal-bases";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { jurisdictions } from "@/db/schema/organizations";
import { timeZones } from "@/lib/organizations/schemas";
import { requirePage } from "@/lib/core/auth/guard";
import { OrganizationForm } from "../_components/organization-form";
import { create } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("organization"))("another.title") };
}

export default async function NewOrganizationPage() {
  const actor = await requirePage("organization.create");
  const [t, locale] = await Promise.all([getTranslations("organization"), getLocale()]);
  return (
    <>
      <PageHeader
        title={t("another.title")}
        description={t("another.description")}
        actions={
          <Link href="/settings/organization" className={buttonClass("secondary")}>
            {t("backToSettings")}
          </Link>
        }
      />
      <div className="max-w-3xl space-y-4">
        <Notice>{t("another.notice")}</Notice>
        <Card>
          <OrganizationForm
            action={create}
            defaults={{
              nameZh: "",
              nameEn: "",
              slug: "",
              jurisdictions: ["PIPL"],
              locale,
              gdprChildAge: gdprChildAgeRule.default,
              timeZone: actor.timeZone,
            }}
            jurisdictions={jurisdictions}
            timeZones={timeZones}
            submitLabel={t("another.submit")}
          />
        </Card>
      </div>
    </>
  );
}
