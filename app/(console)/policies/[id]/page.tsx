import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { RecordTable } from "@/components/ui/record-table";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { departmentOptions } from "@/lib/departments/queries";
import { acknowledgementProgress } from "@/lib/policies/acknowledgements";
import { getDocument, listVersions } from "@/lib/policies/queries";
import { isPolicyId } from "@/lib/policies/schemas";
import { ActionButton } from "@/components/ui/action-button";
import { localized } from "@/lib/core/i18n/localized-text";
import { StatusBadge } from "../_components/status-badge";
import { SettingsCard } from "./_components/settings-card";
import { draftPolicyVersionAction, updateDocumentSettingsAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("policies"))("title") };
}

export default async function PolicyDocumentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  const actor = await requirePage("policies.read");
  const { id } = await params;
  if (!isPolicyId(id)) notFound();
  const data = await withTenant(
    actor.orgId,
    async (tx) => {
      const doc = await getDocument(tx, actor.orgId, id);
      if (!doc) return undefined;
      const tracked = doc.acknowledgementRequired && can(actor.role, "acknowledgements.read");
      const versions = await listVersions(tx, actor.orgId, id);
      const departments = await departmentOptions(tx, actor.orgId);
      const progress = tracked ? await acknowledgementProgress(tx, actor.orgId, actor) : [];
      return { doc, versions, departments, progress: progress.find((p) => p.documentId === id) };
    },
    actor.userId,
  );
  if (!data) notFound();
  const { doc, versions, departments, progress } = data;
  const [t, locale, { notice }] = await Promise.all([
    getTranslations("policies"),
    getLocale(),
    searchParams,
  ]);
  const orgSlug = actor.memberships.find((m) => m.orgId === actor.orgId)?.slug;
  const open = versions.find(
    (v) => v.status === "draft" || v.status === "in_review" || v.status === "approved",
  );
  const published = versions.find((v) => v.status === "published");
  const publicHref = `/p/${orgSlug}/policies/${doc.slug}`;

  return (
    <>
      <Link
        href="/policies"
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800"
      >
        ← {t("backToList")}
      </Link>
      <PageHeader
        title={localized(doc.title, locale)}
        description={`${t(`kinds.${doc.kind}`)} · /${doc.slug}`}
        actions={
          <div className="flex items-start gap-2">
            {doc.acknowledgementRequired && can(actor.role, "acknowledgements.read") && (
              <Link href={`/policies/${id}/acknowledgements`} className={buttonClass("secondary")}>
                {t("acknowledgements.link")}
                {progress &&
                  ` · ${t("acknowledgements.progressShort", { acknowledged: progress.acknowledged, total: progress.total })}`}
              </Link>
            )}
            {published && !doc.internal && (
              <a
                href={publicHref}
                target="_blank"
                rel="noopener"
                className={buttonClass("secondary")}
              >
                {t("document.publicLink")} ↗
              </a>
            )}
            {can(actor.role, "policies.edit") && !open && (
              <ActionButton
                action={draftPolicyVersionAction}
                fields={{ documentId: id }}
                label={t("document.draftNew")}
                pendingLabel={t("document.drafting")}
              />
            )}
          </div>
        }
      />
      <div className="mb-6 space-y-3 empty:hidden">
        {notice === "created" && <Notice tone="success">{t("notices.created")}</Notice>}
        {notice === "settingsSaved" && <Notice tone="success">{t("notices.settingsSaved")}</Notice>}
        {!published && <Notice tone="warning">{t("document.notPublished")}</Notice>}
        {open && can(actor.role, "policies.edit") && (
          <Notice>{t("document.openExists", { version: open.version })}</Notice>
        )}
      </div>
      <Card title={t("document.versions")}>
        <RecordTable
          variant="inset"
          flush
          caption={t("document.versions")}
          rows={versions}
          rowKey={(v) => v.id}
          columns={[
            {
              header: t("document.version"),
              cell: (v) => (
                <Link
                  href={`/policies/${id}/versions/${v.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {t("list.version", { version: v.version })}
                </Link>
              ),
            },
            {
              header: t("document.status"),
              cell: (v) => (
                <span className="flex flex-wrap gap-1">
                  <StatusBadge status={v.status} />
                  {v.materialChange && (
                    <span className="text-xs font-medium text-orange-700">
                      {t("document.material")}
                    </span>
                  )}
                </span>
              ),
            },
            {
              header: t("document.effective"),
              cell: (v) => v.effectiveOn,
              className: "tabular-nums",
            },
            { header: t("document.author"), cell: (v) => v.authorName ?? "—" },
            { header: t("document.approver"), cell: (v) => v.approverName ?? "—" },
            {
              header: t("document.change"),
              cell: (v) => v.changeSummary || "—",
              className: "max-w-sm text-slate-600",
            },
          ]}
        />
      </Card>
      {versions.length > 1 && (
        <Card title={t("document.compare")} className="mt-6">
          <form action={`/policies/${id}/diff`} className="flex flex-wrap items-end gap-3">
            {(["from", "to"] as const).map((name, i) => (
              <label key={name} className="text-sm text-slate-700">
                <span className="mb-1 block font-medium">
                  {t(name === "from" ? "document.compareFrom" : "document.compareTo")}
                </span>
                <select
                  name={name}
                  defaultValue={String(versions[Math.min(1 - i, versions.length - 1)].version)}
                  className="rounded-md bg-white px-3 py-2 text-sm ring-1 ring-slate-300"
                >
                  {versions.map((v) => (
                    <option key={v.id} value={v.version}>
                      {t("list.version", { version: v.version })}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <button type="submit" className={buttonClass("secondary")}>
              {t("document.compareButton")}
            </button>
          </form>
        </Card>
      )}
      <SettingsCard
        doc={doc}
        departments={departments}
        editable={can(actor.role, "policies.edit")}
        action={updateDocumentSettingsAction}
      />
    </>
  );
}
