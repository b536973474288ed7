import { getLocale, getTranslations } from "next-intl/server";
import { formatDay } from "@/lib/core/i18n/format-date";
import Link from "next/link";
import type { LocalizedText, PolicyLocale } from "@/db/schema/policies";
import { asAppLocale } from "@/lib/core/i18n/locale";
import { PolicyMarkdown } from "@/lib/policies/markdown-view";
import type { PolicyVersion } from "@/lib/policies/queries";

interface Props {
  orgSlug: string;
  orgName: { nameZh: string; nameEn: string };
  slug: string;
  title: LocalizedText;
  version: PolicyVersion;
  versions: PolicyVersion[];
}

/** One public version in the visitor's language (else the authoritative text, said so), summary first, history last. */
export async function PublicPolicy({ orgSlug, orgName, slug, title, version, versions }: Props) {
  const [t, visitor] = await Promise.all([getTranslations("policies"), getLocale()]);
  const wanted: PolicyLocale = asAppLocale(visitor);
  const lang: PolicyLocale = version.content[wanted].trim() ? wanted : version.authoritativeLocale;
  const current = versions.find((v) => v.status === "published");
  const date = (iso: string) => formatDay(iso, visitor);
  const base = `/p/${orgSlug}/policies/${slug}`;
  const localeName = (l: PolicyLocale) => t(`locales.${l}`);

  return (
    <article lang={lang} className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-slate-500">
          {t("public.publishedBy", { org: wanted === "en" ? orgName.nameEn : orgName.nameZh })}
        </p>
        <h1 className="text-2xl font-semibold text-slate-900">{title[lang] || title[wanted]}</h1>
        <p className="text-sm text-slate-600">
          {t("public.versionLabel", { version: version.version })} ·{" "}
          {t("public.effective", { date: date(version.effectiveOn) })}
        </p>
      </header>
      {version.status !== "published" && (
        <p
          role="note"
          className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {t("public.oldVersion", { version: version.version })}{" "}
          {current && (
            <Link href={base} className="font-medium underline">
              {t("public.readCurrent")}
            </Link>
          )}
        </p>
      )}
      {lang !== wanted && (
        <p
          role="note"
          className="rounded-md bg-brand-50 px-4 py-3 text-sm text-brand-900 ring-1 ring-brand-100"
        >
          {t("public.fallback", { locale: localeName(lang) })}
        </p>
      )}
      {version.summary[lang] && (
        <section
          aria-labelledby="summary"
          className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
        >
          <h2 id="summary" className="mb-1 text-sm font-semibold text-slate-900">
            {t("public.summary")}
          </h2>
          <p className="text-sm leading-relaxed text-slate-700">{version.summary[lang]}</p>
        </section>
      )}
      <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <PolicyMarkdown source={version.content[lang]} lang={lang} />
        <p className="mt-6 border-t border-slate-100 pt-3 text-xs text-slate-500">
          {t("public.authoritativeNote", { locale: localeName(version.authoritativeLocale) })}
        </p>
      </div>
      <section aria-labelledby="history">
        <h2 id="history" className="mb-2 text-base font-semibold text-slate-900">
          {t("public.history")}
        </h2>
        <ol className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          {versions.map((v) => (
            <li
              key={v.id}
              className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3 text-sm"
            >
              {v.id === version.id ? (
                <span className="font-medium text-slate-900" aria-current="page">
                  {t("public.versionLabel", { version: v.version })}
                </span>
              ) : (
                <Link
                  href={v.status === "published" ? base : `${base}/v/${v.version}`}
                  className="font-medium text-brand-700 underline"
                >
                  {t("public.read", { version: v.version })}
                </Link>
              )}
              <span className="text-slate-600">
                {t("public.effective", { date: date(v.effectiveOn) })}
              </span>
              {v.status === "published" && (
                <span className="rounded bg-emerald-50 px-1.5 text-xs text-emerald-700 ring-1 ring-emerald-200">
                  {t("public.current")}
                </span>
              )}
              {v.materialChange && (
                <span className="text-xs text-orange-700">{t("public.materialChange")}</span>
              )}
            </li>
          ))}
        </ol>
      </section>
      <footer className="rounded-lg bg-white px-4 py-3 text-sm text-slate-700 shadow-sm ring-1 ring-slate-200">
        {t("public.yourChoices")}{" "}
        <Link href={`/p/${orgSlug}/preferences`} className="font-medium text-brand-700 underline">
          {t("public.managePreferences")}
        </Link>
        {" · "}
        <Link href={`/p/${orgSlug}/requests`} className="font-medium text-brand-700 underline">
          {t("public.submitRequest")}
        </Link>
      </footer>
    </article>
  );
}
