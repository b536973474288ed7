import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/core/auth/guard";
import { todayIso } from "@/lib/core/dates";
import { IntakeForm } from "./_components/intake-form";

export async function generateMetadata() {
  return { title: (await getTranslations("requests"))("intake.title") };
}

export default async function NewRequestPage() {
  await requirePage("requests.create");
  const t = await getTranslations("requests");
  return (
    <>
      <Link href="/requests" className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800">← {t("backToList")}</Link>
      <PageHeader title={t("intake.title")} description={t("intake.description")} />
      <IntakeForm today={todayIso()} />
    </>
  );
}
