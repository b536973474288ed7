import "server-only";
import { hkdfSync } from "node:crypto";

const DERIVED_KEY_BYTES = 32;
const MIN_MASTER_BYTES = 32;
// HKDF needs no salt when the input is already a uniformly random key.
const NO_SALT = Buffer.alloc(0);

/**
 * Derives an independent 32-byte subkey for one purpose, so that a key used for
 * (say) TOTP secrets can never decrypt anything sealed for another purpose.
 *
 * `info` is `privacy-desk/v1/${purpose}` + NUL + `context`; purposes may not
 * contain NUL, which keeps every (purpose, context) pair unambiguous.
 */
export function deriveKey(master: Buffer, purpose: string, context = ""): Buffer {
  if (!Buffer.isBuffer(master) || master.length < MIN_MASTER_BYTES) {
    throw new RangeError(`master key must be at least ${MIN_MASTER_BYTES} bytes`);
  }
  if (purpose.length === 0 || purpose.includes("\0")) {
    throw new TypeError("key purpose must be non-empty and must not contain NUL");
  }
  const info = Buffer.from(`privacy-desk/v1/${purpose}\0${context}`, "utf8");
  return Buffer.from(hkdfSync("sha256", master, NO_SALT, info, DERIVED_KEY_BYTES));
}
