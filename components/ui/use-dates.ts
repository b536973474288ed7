"use client";

import { useLocale, useTimeZone } from "next-intl";
import { useMemo } from "react";
import { DEFAULT_TIME_ZONE, datesFor, type Dates } from "@/lib/core/i18n/format-date";

/** The date formatter of a client component (language and zone from the page's provider). */
export function useDates(): Dates {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? DEFAULT_TIME_ZONE;
  return useMemo(() => datesFor(locale, timeZone), [locale, timeZone]);
}
