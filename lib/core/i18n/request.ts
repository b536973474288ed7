import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { getActor } from "@/lib/core/auth/actor";
import { loadMessages } from "@/messages/load";
import { DEFAULT_TIME_ZONE } from "./format-date";
import { LOCALE_COOKIE, resolveLocale } from "./locale";

/** The signed-in person's organisation's zone; the default for everyone else (and while the database is down). */
async function timeZone(): Promise<string> {
  try {
    return (await getActor())?.timeZone ?? DEFAULT_TIME_ZONE;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

export default getRequestConfig(async () => {
  const locale = resolveLocale(
    (await cookies()).get(LOCALE_COOKIE)?.value,
    (await headers()).get("accept-language"),
  );
  return {
    locale,
    timeZone: await timeZone(),
    messages: await loadMessages(locale),
  };
});
