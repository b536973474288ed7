import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/core/auth/guard";
import { PasswordForm } from "./_components/password-form";

export async function generateMetadata() {
  return { title: (await getTranslations("account.password"))("title") };
}

export default async function PasswordPage() {
  const actor = await requirePage(undefined, { allowPending: true });
  const t = await getTranslations("account.password");
  const firstSignIn = actor.pending === "password_change";
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {firstSignIn && <Notice tone="warning">{t("firstSignIn")}</Notice>}
      <Card>
        <PasswordForm account={actor.email} firstSignIn={firstSignIn} />
      </Card>
    </div>
  );
}
