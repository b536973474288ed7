"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { LOCALE_COOKIE, supportedLocales } from "@/lib/core/i18n/locale";

/** Keeps the choice in a cookie for a year; the server reads it on the next render. */
export function LanguageSwitch() {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  return (
    <label className="inline-flex items-center gap-2 text-sm text-slate-600">
      <span className="hidden sm:inline">{t("language")}</span>
      <select
        aria-label={t("language")}
        value={locale}
        onChange={(e) => {
          document.cookie = `${LOCALE_COOKIE}=${e.target.value}; path=/; max-age=31536000; samesite=lax`;
          router.refresh();
        }}
        className="rounded-md border-0 bg-white py-1 pl-2 pr-7 text-sm ring-1 ring-slate-300"
      >
        {supportedLocales.map((l) => (
          <option key={l} value={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
