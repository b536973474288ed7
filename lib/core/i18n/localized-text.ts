import { asAppLocale, type AppLocale } from "./locale";

/** A text stored in both of the app's languages (a purpose's name, a policy's title). */
export type LocalizedText = Partial<Record<AppLocale, string>>;

/** The text in the reader's language, else in the other one; "" when there is none. */
export function localized(text: LocalizedText | null | undefined, locale: string): string {
  if (!text) return "";
  const wanted = asAppLocale(locale);
  return text[wanted] || text[wanted === "en" ? "zh-CN" : "en"] || "";
}
