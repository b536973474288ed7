import { normaliseEmail, normaliseNationalId, normalisePhone } from "@/lib/core/crypto/normalise";

/**
 * Masked forms stored next to the ciphertext so lists and search results never decrypt. Each
 * reveals at most what a support agent needs to tell customers apart, never enough to contact
 * or identify one. Input that is not of its kind masks completely.
 */

const CJK = /\p{Script=Han}/u;

/** 张三 → 张*, 欧阳娜娜 → 欧***, John Smith → J***; a one-character name shows nothing. */
export function maskName(name: string): string {
  const chars = Array.from(name.normalize("NFKC").trim());
  if (chars.length <= 1) return "*";
  // Latin names are long and distinctive, so their length is hidden too.
  if (!CJK.test(chars[0])) return `${chars[0]}***`;
  return `${chars[0]}${"*".repeat(chars.length - 1)}`;
}

/** +8613812345678 → 138****5678; other countries keep only the last four digits (+*******2671). */
export function maskPhone(phone: string): string {
  const e164 = normalisePhone(phone);
  if (!e164) return "****";
  if (e164.startsWith("+86") && e164.length === 14)
    return `${e164.slice(3, 6)}****${e164.slice(-4)}`;
  return `+${"*".repeat(e164.length - 5)}${e164.slice(-4)}`;
}

/** alice@example.com → a***@example.com; a one-letter local part shows nothing (***@x.com). */
export function maskEmail(email: string): string {
  const normalised = normaliseEmail(email);
  if (!normalised) return "***";
  const at = normalised.lastIndexOf("@");
  const local = normalised.slice(0, at);
  return `${local.length > 1 ? local[0] : ""}***${normalised.slice(at)}`;
}

/** 18/15-digit resident IDs keep the first 4 and last 4 (3201**********1234); others the last 2. */
export function maskNationalId(id: string): string {
  const normalised = normaliseNationalId(id);
  if (!normalised) return "*";
  if (normalised.length >= 15)
    return `${normalised.slice(0, 4)}${"*".repeat(normalised.length - 8)}${normalised.slice(-4)}`;
  if (normalised.length <= 4) return "*".repeat(normalised.length);
  return `${"*".repeat(normalised.length - 2)}${normalised.slice(-2)}`;
}

/** 江苏省南京市玄武区中山路1号 → 江苏省****; other scripts show nothing but that an address exists. */
export function maskAddress(address: string): string {
  const chars = Array.from(address.normalize("NFKC").trim());
  if (chars.length > 3 && CJK.test(chars[0])) return `${chars.slice(0, 3).join("")}****`;
  return "****";
}

/** 1990-05-17 → 1990-**-** (the year alone, for age checks). */
export function maskBirthDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date.slice(0, 4)}-**-**` : "****-**-**";
}
