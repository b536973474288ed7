import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { listDocuments } from "@/lib/policies/queries";
import { pick } from "./_components/localized";
import { StatusBadge } from "./_components/status-badge";

export async function generateMetadata() {
  return { title: (await getTranslations("policies"))("title") };
}

export default async function PoliciesPage() {
  const actor = await requirePage("policies.read");
  const [t, locale, docs] = await Promise.all([
    getTranslations("policies"), getLocale(), withTenant(actor.orgId, (tx) => listDocuments(tx, actor.orgId), actor.userId),
  ]);
  const newButton = can(actor.role, "policies.edit") && <Link href="/policies/new" className={buttonClass()}>{t("newDocument")}</Link>;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={newButton} />
      {docs.length === 0 ? (
        <EmptyState title={t("list.empty")} body={t("list.emptyBody")} action={newButton} />
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-100 text-sm">
            <caption className="sr-only">{t("list.caption")}</caption>
            <thead className="text-left text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t("list.document")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("list.kind")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("list.published")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("list.effective")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("list.inProgress")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {docs.map((doc) => (
                <tr key={doc.id}>
                  <td className="px-4 py-2">
                    <Link href={`/policies/${doc.id}`} className="font-medium text-brand-700 hover:underline">{pick(doc.title, locale)}</Link>
                    {doc.internal && <span className="ml-2"><Badge>{t("list.internal")}</Badge></span>}
                    <span className="block font-mono text-xs text-slate-500">/{doc.slug}</span>
                  </td>
                  <td className="px-4 py-2 text-slate-600">{t(`kinds.${doc.kind}`)}</td>
                  <td className="px-4 py-2">{doc.published ? t("list.version", { version: doc.published.version }) : <span className="text-slate-400">{t("list.none")}</span>}</td>
                  <td className="px-4 py-2 tabular-nums">{doc.published?.effectiveOn ?? "—"}</td>
                  <td className="px-4 py-2">
                    {doc.open ? <span className="flex items-center gap-2">{t("list.version", { version: doc.open.version })} <StatusBadge status={doc.open.status} /></span> : <span className="text-slate-400">—</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
