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
