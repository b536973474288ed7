import type { LocalizedText, PolicyLocale } from "@/db/schema/policies";

/** The text in the reader's language, else in the other one. */
export function pick(text: LocalizedText, locale: string): string {
  const wanted = (locale === "en" ? "en" : "zh-CN") satisfies PolicyLocale;
  return text[wanted] || text[wanted === "en" ? "zh-CN" : "en"];
}
