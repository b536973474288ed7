import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { twoFactorRequired } from "@/lib/account/policy";
import { twoFactorStatus } from "@/lib/account/queries";
import { requirePage } from "@/lib/core/auth/guard";
import { EnrolmentSetup } from "./_components/enrolment-setup";
import { RegenerateForm } from "./_components/regenerate-form";
import { StatusCard } from "./_components/status-card";
import { TurnOffForm } from "./_components/turn-off-form";

export async function generateMetadata() {
  return { title: (await getTranslations("account.twoFactor"))("title") };
}

export default async function TwoFactorPage({
  searchParams,
}: {
  searchParams: Promise<{ turnedOff?: string }>;
}) {
  const actor = await requirePage(undefined, { allowPending: true });
  const [t, status, { turnedOff }] = await Promise.all([
    getTranslations("account.twoFactor"),
    twoFactorStatus(actor.userId),
    searchParams,
  ]);
  const required = twoFactorRequired(actor);
  const { enabledAt } = status;
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {turnedOff && !enabledAt && <Notice tone="success">{t("turnedOffNotice")}</Notice>}
      {!enabledAt ? (
        <EnrolmentSetup
          userId={actor.userId}
          email={actor.email}
          required={actor.pending === "mfa_enrolment"}
        />
      ) : (
        <>
          <StatusCard status={{ ...status, enabledAt }} required={required} />
          <Card title={t("regenerate.title")}>
            <RegenerateForm account={actor.email} />
          </Card>
          {!required && (
            <Card title={t("turnOff.title")}>
              <TurnOffForm />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
