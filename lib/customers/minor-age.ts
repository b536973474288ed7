import { calendarDate, todayIso } from "@/lib/core/dates";
import { birthDateFromResidentId } from "@/lib/customers/national-id";

/**
 * PIPL Art. 31 (in force 2021-11-01): the personal information of a minor under 14 is processed
 * with the consent of a parent or other guardian, and it is sensitive (Art. 28). Ages count in
 * Beijing time (`todayIso`'s zone): a customer turns 14 on their 14th birthday there.
 */
export const guardianAgeRule = {
  age: 14,
  law: "PIPL",
  article: "Art. 31",
  inForce: "2021-11-01",
} as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The day someone born on `birthDate` turns 14 when that is after `today`, else null (14 or older,
 * or no valid date). Born on 29 February: the 14th birthday in a common year is 1 March, the later
 * reading, so the guardian's consent is never dropped a day early.
 */
export function minorUntilOf(
  birthDate: string | null | undefined,
  today: string = todayIso(),
): string | null {
  const match = birthDate ? ISO_DATE.exec(birthDate) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!calendarDate(year, month, day)) return null;
  // Date.UTC rolls 29 February of a common year over to 1 March.
  const turns = new Date(Date.UTC(year + guardianAgeRule.age, month - 1, day))
    .toISOString()
    .slice(0, 10);
  return turns > today ? turns : null;
}

/**
 * What `customers.minor_until` holds for these sources: the later of the two dates when both say
 * the customer is under 14 (a declared birth date and the ID number's may disagree; the younger
 * reading protects the child), else null.
 */
export function customerMinorUntil(
  sources: { birthDate?: string | null; nationalId?: string | null },
  today: string = todayIso(),
): string | null {
  const dates = [
    minorUntilOf(sources.birthDate, today),
    minorUntilOf(birthDateFromResidentId(sources.nationalId), today),
  ].filter((d): d is string => d !== null);
  return dates.length === 0 ? null : dates.sort().at(-1)!;
}

/** Whether a customer with this `minor_until` is under 14 today (Beijing time). */
export const isMinorOn = (
  minorUntil: string | null | undefined,
  today: string = todayIso(),
): boolean => minorUntil != null && minorUntil > today;
