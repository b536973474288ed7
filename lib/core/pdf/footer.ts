import type { AppLocale } from "@/lib/core/i18n/locale";

import { ORG_TIME_ZONE } from "@/lib/core/dates";

/** The footer's own words: every document has them, so they live with the renderer. */
const words: Record<AppLocale, { generated: string; page: string }> = {
  "zh-CN": { generated: "生成于 {time}", page: "第 {n} / {total} 页" },
  en: { generated: "Generated {time}", page: "Page {n} of {total}" },
};

/** "2026-12-08 09:30 GMT+8" in the given zone, the same in both languages. */
export function formatInstant(at: Date, timeZone: string = ORG_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "shortOffset",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")} ${part("timeZoneName")}`;
}

export function footerTexts(
  locale: AppLocale,
  at: Date,
  timeZone: string | undefined,
  page: number,
  total: number,
) {
  const w = words[locale];
  return {
    generated: w.generated.replace("{time}", formatInstant(at, timeZone)),
    page: w.page.replace("{n}", String(page)).replace("{total}", String(total)),
  };
}
