import "server-only";
import { open, seal } from "@/lib/core/crypto/aead";
import { deriveKey } from "@/lib/core/crypto/kdf";
import { env } from "@/lib/core/env";

const key = () => deriveKey(Buffer.from(env().MASTER_KEY, "base64"), "totp-secret");
const aad = (userId: string) => `users.totp_secret:${userId}`;

/** TOTP secrets are stored sealed, bound to their user's row. */
export function sealTotpSecret(userId: string, secret: string): Buffer {
  return seal(key(), secret, aad(userId));
}

export function openTotpSecret(userId: string, sealed: Buffer): string {
  return open(key(), sealed, aad(userId)).toString("utf8");
}
