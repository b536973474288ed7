import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { withTenant } from "@/db/tenant";
import { asAppLocale } from "@/lib/core/i18n/locale";
import { organizationBySlug } from "@/lib/organizations/queries";
import { normaliseCode, verifyCertificate } from "@/lib/training/certificates";

export async function generateMetadata() {
  return { title: (await getTranslations("training"))("verify.title") };
}

/**
 * Anyone checks a training certificate's code here (a GET form, no sign-in): a valid code shows
 * the course, the organisation, the date and the holder's initial, nothing more. 60 random bits
 * per code make guessing pointless, so there is no throttle to get past.
 */
export default async function VerifyCertificatePage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ code?: string | string[] }>;
}) {
  const [{ org: slug }, { code: raw }] = await Promise.all([params, searchParams]);
  const org = await organizationBySlug(slug);
  if (!org) notFound();
  const typed = typeof raw === "string" ? raw.slice(0, 40) : "";
  const code = typed ? normaliseCode(typed) : null;
  const found = code
    ? await withTenant(org.id, (tx) => verifyCertificate(tx, org.id, code))
    : undefined;
  const [t, locale, format] = await Promise.all([
    getTranslations("training"),
    getLocale(),
    getFormatter(),
  ]);
  const lang = asAppLocale(locale);
  return (
    <article className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-slate-500">{lang === "en" ? org.nameEn : org.nameZh}</p>
        <h1 className="text-2xl font-semibold text-slate-900">{t("verify.title")}</h1>
        <p className="text-sm text-slate-600">{t("verify.description")}</p>
      </header>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="code" className="block text-sm font-medium text-slate-700">
            {t("verify.code")}
          </label>
          <input
            id="code"
            name="code"
            defaultValue={typed}
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            placeholder="XXXX-XXXX-XXXX"
            className="block w-64 rounded-md border-0 bg-white px-3 py-2 font-mono text-sm uppercase text-slate-900 shadow-xs ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600"
          />
        </div>
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          {t("verify.check")}
        </button>
      </form>
      {typed && (
        <section
          role="status"
          data-testid="verification"
          className={
            found
              ? "rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900 ring-1 ring-emerald-200"
              : "rounded-lg bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200"
          }
        >
          {found ? (
            <>
              <p className="font-semibold">{t("verify.valid")}</p>
              <dl className="mt-2 grid grid-cols-3 gap-2">
                <dt className="text-emerald-800">{t("certificate.holder")}</dt>
                <dd className="col-span-2">
                  {t("verify.initial", { initial: found.holderInitial })}
                </dd>
                <dt className="text-emerald-800">{t("certificate.course")}</dt>
                <dd className="col-span-2">
                  {found.courseTitle[lang] || found.courseTitle["zh-CN"]}
                </dd>
                <dt className="text-emerald-800">{t("verify.organisation")}</dt>
                <dd className="col-span-2">{found.organisation[lang]}</dd>
                <dt className="text-emerald-800">{t("certificate.issued")}</dt>
                <dd className="col-span-2">
                  {format.dateTime(found.issuedAt, {
                    dateStyle: "long",
                    timeZone: "Asia/Shanghai",
                  })}
                </dd>
                <dt className="text-emerald-800">{t("certificate.code")}</dt>
                <dd className="col-span-2 font-mono">{found.code}</dd>
              </dl>
            </>
          ) : (
            <p>{t("verify.invalid")}</p>
          )}
        </section>
      )}
    </article>
  );
}
