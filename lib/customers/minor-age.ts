import type { CustomerLaw } from "@/db/schema/customers";
import { oldestMinorAge } from "@/lib/consent/legal-bases";
import { addDays, calendarDate, todayIso } from "@/lib/core/dates";
import { birthDateFromResidentId } from "@/lib/customers/national-id";

/**
 * The zone whose calendar counts a customer's birthdays under each law: PIPL Beijing, CCPA
 * California, GDPR the organisation's EU establishment (`organizations.gdpr_time_zone`, the
 * request clocks' zone). Someone turns 16 on their birthday there, not in another time zone.
 */
export const ageTimeZones = {
  PIPL: "Asia/Shanghai",
  CCPA: "America/Los_Angeles",
} as const satisfies Partial<Record<CustomerLaw, string>>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A valid calendar date as [year, month, day], or null. */
function parts(date: string | null | undefined): [number, number, number] | null {
  const match = date ? ISO_DATE.exec(date) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return calendarDate(year, month, day) ? [year, month, day] : null;
}

/**
 * Age in whole years on `today` of someone born on `bornOn`. Born on 29 February: the birthday in
 * a common year is 1 March, the later reading, so a guardian's consent is never dropped a day early.
 */
export function ageOn(bornOn: string, today: string): number {
  const born = parts(bornOn)!;
  const now = parts(today)!;
  const age = now[0] - born[0];
  // "MM-DD" compare: 02-28 < 02-29 (not yet), 03-01 > 02-29 (the birthday has passed).
  return today.slice(5) < bornOn.slice(5) ? age - 1 : age;
}

/**
 * What `customers.minor_born_on` holds for these sources: the birth date while the customer may be
 * under the oldest age a minor rule reaches (16) on some law's calendar — that is, still under 16
 * on the day before Beijing's today, as California's date is at most one behind — else null. The
 * birth date and the one inside an 18-character PRC ID number may disagree: the later (younger)
 * reading protects the child. Null for adults and unknown ages.
 */
export function minorBornOn(
  sources: { birthDate?: string | null; nationalId?: string | null },
  today: string = todayIso(),
): string | null {
  const dates = [sources.birthDate, birthDateFromResidentId(sources.nationalId)].filter(
    (d): d is string => parts(d) !== null && d! <= today,
  );
  const bornOn = dates.sort().at(-1);
  return bornOn && ageOn(bornOn, addDays(today, -1)) < oldestMinorAge ? bornOn : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Today's date in a zone (cached formatters: the check calls it for each minor). */
function todayIn(now: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format.format(now);
}

/**
 * The customer's age under each of their laws, on that law's calendar today, for a customer whose
 * `minor_born_on` is known; empty for everyone else (adults and unknown ages: no minor rule).
 */
export function minorAges(
  bornOn: string | null | undefined,
  laws: readonly CustomerLaw[],
  gdprTimeZone: string,
  now: Date = new Date(),
): Partial<Record<CustomerLaw, number>> {
  if (!bornOn || !parts(bornOn)) return {};
  return Object.fromEntries(
    laws.map((law) => [
      law,
      ageOn(bornOn, todayIn(now, law === "GDPR" ? gdprTimeZone : ageTimeZones[law])),
    ]),
  );
}

/** Whether a customer with this `minor_born_on` is still under 16 today (Beijing): the console's "minor" mark. */
export const isMinorOn = (bornOn: string | null | undefined, today: string = todayIso()): boolean =>
  bornOn != null && parts(bornOn) !== null && ageOn(bornOn, today) < oldestMinorAge;
