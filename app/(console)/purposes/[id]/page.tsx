import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveControl } from "@/components/ui/archive-control";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { purposeFormValues } from "@/lib/purposes/form-values";
import { getPurpose, purposeFormOptions, vendorNames, versionNumber } from "@/lib/purposes/queries";
import { isPurposeId } from "@/lib/purposes/schemas";
import { localized } from "@/lib/core/i18n/localized-text";
import { StatusBadge } from "../_components/purpose-badges";
import { PurposeDetails } from "../_components/purpose-details";
import { PurposeForm } from "../_components/purpose-form";
import { archivePurposeAction, restorePurposeAction, updatePurposeAction } from "./actions";

const notices = {
  created: "notices.created",
  updated: "notices.updated",
  archived: "notices.archived",
  restored: "notices.restored",
} as const;

export async function generateMetadata() {
  return { title: (await getTranslations("purposes"))("title") };
}

export default async function PurposePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  const actor = await requirePage("purposes.read");
  const { id } = await params;
  if (!isPurposeId(id)) notFound();
  const canEdit = can(actor.role, "purposes.edit");
  const data = await withTenant(
    actor.orgId,
    async (tx) => {
      const purpose = await getPurpose(tx, actor.orgId, id);
      if (!purpose) return undefined;
      const options = await purposeFormOptions(tx, actor.orgId, purpose.recipientVendorIds);
      const recipients = await vendorNames(tx, actor.orgId, purpose.recipientVendorIds);
      const recordedVersion = await versionNumber(tx, actor.orgId, purpose.policyVersionId);
      return { purpose, options, recipients, recordedVersion };
    },
    actor.userId,
  );
  if (!data) notFound();
  const { purpose, options, recipients, recordedVersion } = data;
  const [t, locale, notice] = await Promise.all([
    getTranslations("purposes"),
    getLocale(),
    searchParams.then((s) => s.notice),
  ]);
  const noticeKey =
    notice && notice in notices ? notices[notice as keyof typeof notices] : undefined;
  const archived = purpose.archivedAt !== null;
  const documents = options.documents.map((d) => ({
    id: d.id,
    title: localized(d.title, locale),
    publishedVersion: d.publishedVersion,
  }));
  const described = documents.find((d) => d.id === purpose.policyDocumentId);

  return (
    <div className="mx-auto max-w-5xl">
      <Link
        href="/purposes"
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800"
      >
        ← {t("backToList")}
      </Link>
      <PageHeader
        title={localized(purpose.name, locale)}
        description={purpose.code}
        actions={
          canEdit ? (
            <ArchiveControl
              namespace="purposes"
              archived={archived}
              archive={archivePurposeAction}
              restore={restorePurposeAction}
              fields={{ id }}
              values={{ code: purpose.code }}
            />
          ) : (
            <StatusBadge archived={archived} />
          )
        }
      />
      <div className="mb-6 space-y-3 empty:hidden">
        {noticeKey && <Notice tone="success">{t(noticeKey)}</Notice>}
        {archived && (
          <Notice tone="warning">
            {canEdit ? t("archivedNoticeEditor") : t("archivedNotice")}
          </Notice>
        )}
        {!canEdit && <Notice>{t("readOnlyNotice")}</Notice>}
      </div>
      {canEdit && !archived ? (
        <PurposeForm
          action={updatePurposeAction}
          initial={purposeFormValues(purpose)}
          options={{ ...options, documents }}
          cancelHref="/purposes"
          submitLabel={t("save")}
        />
      ) : (
        <PurposeDetails
          purpose={purpose}
          recipients={recipients}
          document={described ? { title: described.title, version: recordedVersion } : null}
        />
      )}
    </div>
  );
}
