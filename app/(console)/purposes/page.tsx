import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { listPurposes } from "@/lib/purposes/queries";
import { PurposeTable } from "./_components/purpose-table";

export async function generateMetadata() {
  return { title: (await getTranslations("purposes"))("title") };
}

export default async function PurposesPage() {
  const actor = await requirePage("purposes.read");
  const [t, { active, archived }] = await Promise.all([
    getTranslations("purposes"),
    withTenant(actor.orgId, (tx) => listPurposes(tx, actor.orgId), actor.userId),
  ]);
  const newButton = can(actor.role, "purposes.edit") && <Link href="/purposes/new" className={buttonClass()}>{t("new")}</Link>;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={newButton} />
      {active.length === 0 ? (
        <EmptyState title={t("list.empty")} body={t("list.emptyBody")} action={newButton} />
      ) : (
        <PurposeTable rows={active} caption={t("list.caption")} />
      )}
      {archived.length > 0 && (
        <section className="mt-8" aria-labelledby="archived-purposes">
          <h2 id="archived-purposes" className="mb-1 text-sm font-semibold text-slate-800">{t("list.archivedTitle", { count: archived.length })}</h2>
          <p className="mb-3 text-sm text-slate-500">{t("list.archivedBody")}</p>
          <PurposeTable rows={archived} caption={t("list.archivedTitle", { count: archived.length })} />
        </section>
      )}
    </>
  );
}
