import { calendarDate, todayIso } from "@/lib/core/dates";

/**
 * PRC resident identity numbers: 18 characters (6 digits of area, the birth date as YYYYMMDD, 3
 * digits of sequence and a check digit or X, GB 11643-1999) or the older 15 digits (no check
 * digit). Other documents are not accepted here yet.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";

export function residentIdCheckChar(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return CHECK_CHARS[sum % 11];
}

/**
 * The birth date inside an 18-character ID (positions 7–14), when it is a real day; null for
 * anything else. The 15-digit IDs (issued before 1999) hold a two-digit year of someone born in
 * the 1900s, an adult today: they give no date here.
 */
export function birthDateFromResidentId(id: string | null | undefined): string | null {
  if (!id || !/^\d{17}[\dX]$/.test(id)) return null;
  return calendarDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)));
}

/** Expects the normalised form (normaliseNationalId: no spaces, upper case). An 18-character ID needs a real, past birth date. */
export function isValidResidentId(id: string, today: string = todayIso()): boolean {
  if (/^\d{15}$/.test(id)) return true;
  if (!/^\d{17}[\dX]$/.test(id) || residentIdCheckChar(id.slice(0, 17)) !== id[17]) return false;
  const born = birthDateFromResidentId(id);
  return born !== null && born <= today;
}
