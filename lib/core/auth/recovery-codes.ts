import "server-only";
import { createHash, randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;

// Crockford base32: 32 symbols without i, l, o, u, so a printed code cannot be
// misread. 10 symbols x 5 bits = 50 bits per code.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const GROUP_LENGTH = 5;
const GROUPS = 2;

function randomGroup(): string {
  let group = "";
  for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
  return group;
}

function generateRecoveryCode(): string {
  return Array.from({ length: GROUPS }, randomGroup).join("-");
}

/** Ten fresh codes formatted `xxxxx-xxxxx`; show them once, store only hashes. */
export function generateRecoveryCodes(): string[] {
  const codes = new Set<string>();
  // A collision is astronomically unlikely, but a duplicate would silently
  // leave the user with one code fewer than promised.
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(generateRecoveryCode());
  return [...codes];
}

/**
 * Canonical form of user input: lower-case, no dashes or whitespace, and the
 * Crockford look-alikes o→0, i/l→1 mapped back to the symbols we issue.
 */
export function normaliseRecoveryCode(code: string): string {
  return code
    .toLowerCase()
    .replace(/[\s-]+/g, "")
    .replace(/o/g, "0")
    .replace(/[il]/g, "1");
}

/**
 * SHA-256 hex of the normalised code. Codes carry 50 random bits, so a slow
 * password hash would add cost without adding meaningful protection.
 */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code), "utf8").digest("hex");
}
