import type { LocalizedText, PolicyLocale } from "@/db/schema/policies";
import { asAppLocale } from "@/lib/core/i18n/locale";

/** The text in the reader's language, else in the other one. */
export function pick(text: LocalizedText, locale: string): string {
  const wanted: PolicyLocale = asAppLocale(locale);
  return text[wanted] || text[wanted === "en" ? "zh-CN" : "en"];
}
