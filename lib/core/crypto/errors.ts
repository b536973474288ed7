import "server-only";

/**
 * Raised by `open` for every failure to authenticate a sealed blob.
 *
 * One error for all causes (tampering, wrong key, wrong AAD, truncation, unknown
 * version) so callers cannot branch on, or leak, which check failed. The
 * underlying error, if any, stays on `cause` for server-side logs only.
 */
export class DecryptionError extends Error {
  constructor(options?: { cause?: unknown }) {
    super("Decryption failed", options);
    this.name = "DecryptionError";
  }
}

/**
 * The key a ciphertext was sealed under has been destroyed (crypto-shredding). A DecryptionError,
 * so code that fails closed on decryption needs no extra branch; code that wants to tell
 * "erased" from "corrupt" (for a user-facing message) can check for this subclass.
 */
export class KeyDestroyedError extends DecryptionError {
  constructor() {
    super();
    this.name = "KeyDestroyedError";
  }
}
