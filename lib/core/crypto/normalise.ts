/**
 * Canonical forms of identifiers, so that equal values typed differently share one blind index.
 * Each returns null when the input is not a value of that kind. NFKC first: Chinese input
 * methods often produce full-width digits, letters and "＠".
 */

const CHINA_MOBILE = /^1[3-9]\d{9}$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/** E.164 (+8613800138000). A Chinese mobile number without country code is taken as +86. */
export function normalisePhone(value: string): string | null {
  let phone = value
    .normalize("NFKC")
    .trim()
    .replace(/[\s\-.()]/g, "");
  if (phone.startsWith("00")) phone = `+${phone.slice(2)}`;
  if (CHINA_MOBILE.test(phone)) phone = `+86${phone}`;
  else if (/^86/.test(phone) && CHINA_MOBILE.test(phone.slice(2))) phone = `+${phone}`;
  return E164.test(phone) ? phone : null;
}

/** Trimmed and lower-cased; one "@" with something on both sides, no spaces. */
export function normaliseEmail(value: string): string | null {
  const email = value.normalize("NFKC").trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

/** Upper-cased with all whitespace removed (the 18-character resident ID ends in a digit or X). */
export function normaliseNationalId(value: string): string | null {
  const id = value.normalize("NFKC").replace(/\s/g, "").toUpperCase();
  return id.length > 0 ? id : null;
}
