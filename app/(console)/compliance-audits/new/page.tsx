import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { todayIso } from "@/lib/core/dates";
import { laws } from "@/lib/requirements/laws";
import { memberOptions } from "@/lib/users/queries";
import { vendorOptions } from "@/lib/vendors/queries";
import { AuditForm } from "./audit-form";
import { createAuditAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("complianceAudits"))("new") };
}

/** Plans an audit: its criteria are the requirements of the laws chosen, written as its checklist. */
export default async function NewAuditPage() {
  const actor = await requirePage("compliance_audits.manage");
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const [t, options] = await Promise.all([
    getTranslations("complianceAudits"),
    withTenant(
      actor.orgId,
      async (tx) => ({
        members: await memberOptions(tx, actor.orgId),
        vendors: await vendorOptions(tx, actor.orgId),
      }),
      actor.userId,
    ),
  ]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("new")} description={t("newDescription")} />
      <AuditForm
        action={createAuditAction}
        members={options.members.map((m) => ({ value: m.userId, label: m.name }))}
        vendors={options.vendors.map((v) => ({ value: v.id, label: v.name }))}
        laws={laws.map((l) => ({ value: l.id, label: l.name[locale] }))}
        today={todayIso()}
      />
    </div>
  );
}
