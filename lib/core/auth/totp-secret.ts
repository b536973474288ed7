import "server-only";
import { open, seal } from "@/lib/core/crypto/aead";
import { DecryptionError } from "@/lib/core/crypto/errors";
import { deriveKey } from "@/lib/core/crypto/kdf";
import { masterKeys } from "@/lib/core/crypto/key-provider";

const keyFrom = (master: Buffer) => deriveKey(master, "totp-secret");
const aad = (userId: string) => `users.totp_secret:${userId}`;

/** TOTP secrets are stored sealed, bound to their user's row. */
export function sealTotpSecret(userId: string, secret: string): Buffer {
  return seal(keyFrom(masterKeys().current), secret, aad(userId));
}

/**
 * Opens with the current master's key; during a master key rotation, a secret not yet resealed
 * opens with the previous master's (MASTER_KEY_PREVIOUS), so sign-in keeps working meanwhile.
 */
export function openTotpSecret(userId: string, sealed: Buffer): string {
  const { current, previous } = masterKeys();
  try {
    return open(keyFrom(current), sealed, aad(userId)).toString("utf8");
  } catch (error) {
    if (!previous || !(error instanceof DecryptionError)) throw error;
    return open(keyFrom(previous), sealed, aad(userId)).toString("utf8");
  }
}

/**
 * Master key rotation: the secret sealed under the current master's key, or null when it already
 * is. Throws DecryptionError when neither the current nor the previous master opens it.
 */
export function resealTotpSecret(userId: string, sealed: Buffer): Buffer | null {
  const { current } = masterKeys();
  try {
    open(keyFrom(current), sealed, aad(userId));
    return null;
  } catch (error) {
    if (!(error instanceof DecryptionError)) throw error;
  }
  return sealTotpSecret(userId, openTotpSecret(userId, sealed));
}
