import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { RecordTable } from "@/components/ui/record-table";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { listDocuments } from "@/lib/policies/queries";
import { localized } from "@/lib/core/i18n/localized-text";
import { StatusBadge } from "./_components/status-badge";

export async function generateMetadata() {
  return { title: (await getTranslations("policies"))("title") };
}

export default async function PoliciesPage() {
  const actor = await requirePage("policies.read");
  const [t, locale, docs] = await Promise.all([
    getTranslations("policies"),
    getLocale(),
    withTenant(actor.orgId, (tx) => listDocuments(tx, actor.orgId), actor.userId),
  ]);
  const newButton = can(actor.role, "policies.edit") && (
    <Link href="/policies/new" className={buttonClass()}>
      {t("newDocument")}
    </Link>
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={newButton} />
      <RecordTable
        variant="panel"
        caption={t("list.caption")}
        empty={{ title: t("list.empty"), body: t("list.emptyBody"), action: newButton }}
        rows={docs}
        rowKey={(doc) => doc.id}
        columns={[
          {
            header: t("list.document"),
            cell: (doc) => (
              <>
                <Link
                  href={`/policies/${doc.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {localized(doc.title, locale)}
                </Link>
                {doc.internal && (
                  <span className="ml-2">
                    <Badge>{t("list.internal")}</Badge>
                  </span>
                )}
                <span className="block font-mono text-xs text-slate-500">/{doc.slug}</span>
              </>
            ),
          },
          {
            header: t("list.kind"),
            cell: (doc) => t(`kinds.${doc.kind}`),
            className: "text-slate-600",
          },
          {
            header: t("list.published"),
            cell: (doc) =>
              doc.published ? (
                t("list.version", { version: doc.published.version })
              ) : (
                <span className="text-slate-400">{t("list.none")}</span>
              ),
          },
          {
            header: t("list.effective"),
            cell: (doc) => doc.published?.effectiveOn ?? "—",
            className: "tabular-nums",
          },
          {
            header: t("list.inProgress"),
            cell: (doc) =>
              doc.open ? (
                <span className="flex items-center gap-2">
                  {t("list.version", { version: doc.open.version })}{" "}
                  <StatusBadge status={doc.open.status} />
                </span>
              ) : (
                <span className="text-slate-400">—</span>
              ),
          },
        ]}
      />
    </>
  );
}
