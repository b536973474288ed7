import "server-only";
import { getLocale, getTimeZone } from "next-intl/server";
import { datesFor, type Dates } from "./format-date";

/**
 * The date formatter of a server component: the reader's language and the organisation's zone
 * (the request's, set from the signed-in person's organisation; the portal passes its own).
 */
export async function getDates(timeZone?: string): Promise<Dates> {
  return datesFor(await getLocale(), timeZone ?? (await getTimeZone()));
}
