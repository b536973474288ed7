import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { remediationPeriods } from "@/lib/security-tests/periods";
import { PeriodsForm } from "./_components/periods-form";
import { setPeriodsAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("securityTests"))("periods.title") };
}

export default async function RemediationPeriodsPage() {
  const actor = await requirePage("security_tests.manage");
  const periods = await withTenant(
    actor.orgId,
    (tx) => remediationPeriods(tx, actor.orgId),
    actor.userId,
  );
  const t = await getTranslations("securityTests");
  return (
    <div className="mx-auto max-w-3xl">
      <Link
        href="/security-tests"
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800"
      >
        ← {t("backToList")}
      </Link>
      <PageHeader title={t("periods.title")} description={t("periods.description")} />
      <Card>
        <PeriodsForm action={setPeriodsAction} periods={periods} />
      </Card>
    </div>
  );
}
