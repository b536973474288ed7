import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { PolicyMarkdown } from "@/lib/policies/markdown-view";
import { getDocument, listVersions } from "@/lib/policies/queries";
import { isPolicyId } from "@/lib/policies/schemas";
import { todayIso } from "@/lib/core/dates";
import { localized } from "@/lib/core/i18n/localized-text";
import { StatusBadge } from "../../../_components/status-badge";
import { ActionButton } from "@/components/ui/action-button";
import { PublishControls } from "./_components/publish-controls";
import { ApproveForm, RejectForm } from "./_components/review-forms";
import { VersionEditor } from "./_components/version-editor";
import {
  approveVersionAction,
  publishVersionAction,
  rejectVersionAction,
  saveDraftAction,
  submitVersionAction,
} from "./actions";

const notices = ["saved", "submitted", "approved", "scheduled", "rejected", "published"] as const;

export async function generateMetadata() {
  return { title: (await getTranslations("policies"))("title") };
}

export default async function PolicyVersionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; versionId: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  const actor = await requirePage("policies.read");
  const { id, versionId } = await params;
  if (!isPolicyId(id) || !isPolicyId(versionId)) notFound();
  const data = await withTenant(
    actor.orgId,
    async (tx) => {
      const doc = await getDocument(tx, actor.orgId, id);
      return doc && { doc, versions: await listVersions(tx, actor.orgId, id) };
    },
    actor.userId,
  );
  const version = data?.versions.find((v) => v.id === versionId);
  if (!data || !version) notFound();
  const [t, locale, { notice }] = await Promise.all([
    getTranslations("policies"),
    getLocale(),
    searchParams,
  ]);
  const published = data.versions.find((v) => v.status === "published");
  const isAuthor = version.authorId === actor.userId;
  const editable = version.status === "draft" && can(actor.role, "policies.edit");
  const noticeKey = notices.find((n) => n === notice);

  return (
    <>
      <Link
        href={`/policies/${id}`}
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800"
      >
        ← {t("backToDocument")}
      </Link>
      <PageHeader
        title={t("version.title", {
          document: localized(data.doc.title, locale),
          version: version.version,
        })}
        description={[
          t("version.effective", { date: version.effectiveOn }),
          t("version.authoritative", { locale: t(`locales.${version.authoritativeLocale}`) }),
        ].join(" · ")}
        actions={
          <div className="flex items-center gap-2">
            <StatusBadge status={version.status} />
            {version.materialChange && (
              <span className="text-sm font-medium text-orange-700">{t("version.material")}</span>
            )}
          </div>
        }
      />
      <div className="mb-6 space-y-3 empty:hidden">
        {noticeKey && <Notice tone="success">{t(`notices.${noticeKey}`)}</Notice>}
        {version.status === "draft" && version.rejectionNote && (
          <Notice tone="warning">{t("version.rejected", { note: version.rejectionNote })}</Notice>
        )}
        {version.status === "approved" && version.publishOnEffective && (
          <Notice>{t("version.scheduled", { date: version.effectiveOn })}</Notice>
        )}
      </div>

      {workflowCard()}

      {editable ? (
        <VersionEditor
          action={saveDraftAction}
          initial={{
            id: version.id,
            contentZh: version.content["zh-CN"],
            contentEn: version.content.en,
            summaryZh: version.summary["zh-CN"],
            summaryEn: version.summary.en,
            changeSummary: version.changeSummary,
            materialChange: version.materialChange,
            authoritativeLocale: version.authoritativeLocale,
            effectiveOn: version.effectiveOn,
          }}
        />
      ) : (
        <div className="space-y-4">
          {version.changeSummary && <Notice>{version.changeSummary}</Notice>}
          <div className="grid gap-4 lg:grid-cols-2">
            {(["zh-CN", "en"] as const).map((l) => (
              <Card key={l} title={t(`locales.${l}`)}>
                {version.summary[l] && (
                  <div className="mb-4 rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
                    <p className="mb-1 font-medium">{t("version.summary")}</p>
                    <p>{version.summary[l]}</p>
                  </div>
                )}
                {version.content[l] ? (
                  <PolicyMarkdown source={version.content[l]} lang={l} />
                ) : (
                  <p className="text-sm text-slate-500">{t("version.noText")}</p>
                )}
              </Card>
            ))}
          </div>
        </div>
      )}
    </>
  );

  function workflowCard() {
    const steps = [];
    if (version!.status === "draft" && can(actor.role, "policies.edit")) {
      steps.push(
        <div key="submit" className="space-y-1">
          <p className="text-xs text-slate-500">{t("workflow.submitHint")}</p>
          <ActionButton
            action={submitVersionAction}
            fields={{ id: versionId }}
            label={t("workflow.submit")}
            pendingLabel={t("workflow.submitting")}
          />
        </div>,
      );
    }
    if (version!.status === "in_review") {
      if (can(actor.role, "policies.approve")) {
        steps.push(
          <div key="review" className="grid gap-6 md:grid-cols-2">
            <div className="space-y-2">
              {/* Four-eyes: the author learns why before trying; the server refuses anyway. */}
              {isAuthor ? (
                <>
                  <p
                    id="own-version"
                    className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
                    data-testid="four-eyes"
                  >
                    {t("workflow.fourEyes")}
                  </p>
                  <Button disabled aria-describedby="own-version">
                    {t("workflow.approve")}
                  </Button>
                </>
              ) : (
                <ApproveForm
                  action={approveVersionAction}
                  id={versionId}
                  canSchedule={version!.effectiveOn > todayIso()}
                />
              )}
            </div>
            <RejectForm action={rejectVersionAction} id={versionId} />
          </div>,
        );
      } else
        steps.push(
          <p key="waiting" className="text-sm text-slate-600">
            {t("workflow.waiting")}
          </p>,
        );
    }
    if (version!.status === "approved" && can(actor.role, "policies.publish")) {
      steps.push(
        <div key="publish" className="space-y-1">
          {published && (
            <p className="text-xs text-slate-500">
              {t("workflow.publishHint", {
                current: t("list.version", { version: published.version }),
              })}
            </p>
          )}
          <PublishControls
            action={publishVersionAction}
            id={versionId}
            effectiveOn={version!.effectiveOn}
            today={todayIso()}
            scheduled={version!.publishOnEffective}
          />
        </div>,
      );
    }
    if (steps.length === 0) return null;
    return (
      <Card title={t("workflow.heading")} className="mb-6">
        <div className="space-y-4">{steps}</div>
      </Card>
    );
  }
}
