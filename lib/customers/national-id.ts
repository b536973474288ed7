/**
 * PRC resident identity numbers: 18 characters (17 digits and a check digit or X, GB 11643-1999)
 * or the older 15 digits (no check digit). Other documents are not accepted here yet.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";

export function residentIdCheckChar(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return CHECK_CHARS[sum % 11];
}

/** Expects the normalised form (normaliseNationalId: no spaces, upper case). */
export function isValidResidentId(id: string): boolean {
  if (/^\d{15}$/.test(id)) return true;
  return /^\d{17}[\dX]$/.test(id) && residentIdCheckChar(id.slice(0, 17)) === id[17];
}
