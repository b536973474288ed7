import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { purposesLackingMechanism } from "@/lib/purposes/attention";
import { listPurposes } from "@/lib/purposes/queries";
import { PurposeTable } from "./_components/purpose-table";

export async function generateMetadata() {
  return { title: (await getTranslations("purposes"))("title") };
}

export default async function PurposesPage() {
  const actor = await requirePage("purposes.read");
  const [t, { active, archived, lacking }] = await Promise.all([
    getTranslations("purposes"),
    withTenant(
      actor.orgId,
      async (tx) => ({
        ...(await listPurposes(tx, actor.orgId)),
        lacking: await purposesLackingMechanism(tx, actor.orgId),
      }),
      actor.userId,
    ),
  ]);
  const newButton = can(actor.role, "purposes.edit") && (
    <Link href="/purposes/new" className={buttonClass()}>
      {t("new")}
    </Link>
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={newButton} />
      {lacking.length > 0 && (
        <Notice tone="warning" className="mb-4">
          <span data-testid="purposes-mechanism-missing">
            {t("attention.mechanismMissing", {
              count: lacking.length,
              codes: lacking.map((p) => p.code).join(", "),
            })}
          </span>
        </Notice>
      )}
      {active.length === 0 ? (
        <EmptyState title={t("list.empty")} body={t("list.emptyBody")} action={newButton} />
      ) : (
        <PurposeTable rows={active} caption={t("list.caption")} />
      )}
      {archived.length > 0 && (
        <section className="mt-8" aria-labelledby="archived-purposes">
          <h2 id="archived-purposes" className="mb-1 text-sm font-semibold text-slate-800">
            {t("list.archivedTitle", { count: archived.length })}
          </h2>
          <p className="mb-3 text-sm text-slate-500">{t("list.archivedBody")}</p>
          <PurposeTable
            rows={archived}
            caption={t("list.archivedTitle", { count: archived.length })}
          />
        </section>
      )}
    </>
  );
}
