import { getLocale, getTranslations } from "next-intl/server";
import { getDates } from "@/lib/core/i18n/dates";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/ui/action-button";
import { localized } from "@/lib/core/i18n/localized-text";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import type { PolicyLocale } from "@/db/schema/policies";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { asAppLocale } from "@/lib/core/i18n/locale";
import { acknowledgementTask } from "@/lib/policies/acknowledgements";
import { PolicyMarkdown } from "@/lib/policies/markdown-view";
import { isPolicyId } from "@/lib/policies/schemas";
import { acknowledgePolicyAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("tasks"))("title") };
}

/** The version in force, in the reader's language (else the authoritative text), with the acknowledgement button at the end. */
export default async function ReadPolicyPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("policies.read");
  const { id: documentId } = await params;
  if (!isPolicyId(documentId)) notFound();
  const task = await withTenant(
    actor.orgId,
    (tx) => acknowledgementTask(tx, actor.orgId, actor.userId, documentId),
    actor.userId,
  );
  if (!task) notFound();
  const [t, locale, format] = await Promise.all([
    getTranslations("tasks"),
    getLocale(),
    getDates(),
  ]);
  const { version } = task;
  const wanted: PolicyLocale = asAppLocale(locale);
  const lang: PolicyLocale = version.content[wanted].trim() ? wanted : version.authoritativeLocale;

  return (
    <>
      <Link href="/tasks" className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800">
        ← {t("read.backToTasks")}
      </Link>
      <PageHeader
        title={localized(task.title, locale)}
        description={t("read.description", { version: version.version, date: version.effectiveOn })}
      />
      <article lang={lang} className="space-y-4">
        {lang !== wanted && (
          <Notice>{t("read.fallback", { locale: t(`read.locales.${lang}`) })}</Notice>
        )}
        {version.summary[lang] && (
          <Card title={t("read.summary")}>
            <p className="text-sm leading-relaxed text-slate-700">{version.summary[lang]}</p>
          </Card>
        )}
        <Card>
          <PolicyMarkdown source={version.content[lang]} lang={lang} />
        </Card>
      </article>
      <Card title={t("read.confirmTitle")} className="mt-6">
        {task.acknowledgedAt ? (
          <Notice tone="success">
            {t("read.already", {
              version: version.version,
              time: format.instant(task.acknowledgedAt),
            })}
          </Notice>
        ) : (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">
              {t("read.confirmBody", { version: version.version })}
            </p>
            <ActionButton
              action={acknowledgePolicyAction}
              fields={{ versionId: version.id }}
              label={t("read.confirm")}
              pendingLabel={t("read.confirming")}
            />
          </div>
        )}
      </Card>
    </>
  );
}
