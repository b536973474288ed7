export const LOCALE_COOKIE = "pd_locale";
export const supportedLocales = ["zh-CN", "en"] as const;
export type AppLocale = (typeof supportedLocales)[number];
export const defaultLocale: AppLocale = "zh-CN";

/** A stored or requested language as one the app speaks: English when it says so, else Chinese. */
export const asAppLocale = (value: string | null | undefined): AppLocale =>
  value === "en" ? "en" : defaultLocale;

/** Cookie first, then the browser's Accept-Language, then Chinese. */
export function resolveLocale(
  cookie: string | undefined,
  acceptLanguage: string | null,
): AppLocale {
  if (supportedLocales.includes(cookie as AppLocale)) return cookie as AppLocale;
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return defaultLocale;
}

/** A route handler's request in the app's language: its locale cookie, else Accept-Language. */
export function localeOfRequest(request: Request): AppLocale {
  const cookie = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return resolveLocale(cookie, request.headers.get("accept-language"));
}
