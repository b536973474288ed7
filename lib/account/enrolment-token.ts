import "server-only";
import { open, seal } from "@/lib/core/crypto/aead";
import { deriveKey } from "@/lib/core/crypto/kdf";
import { env } from "@/lib/core/env";
import { generateTotpSecret } from "@/lib/core/auth/totp";

/**
 * A secret being set up travels with the page, not in the database: the page seals a fresh
 * secret (with its expiry) into a token the confirm form posts back. Rendering a page thus
 * writes nothing, two open tabs cannot overwrite each other's secret, and nothing half-enrolled
 * is ever left in `users.totp_secret`. The token is bound to its user and cannot be forged or
 * moved to another account; the person holding it already sees the secret on screen.
 */
export const ENROLMENT_TTL_MS = 30 * 60_000;

const key = () => deriveKey(Buffer.from(env().MASTER_KEY, "base64"), "totp-enrolment");
const aad = (userId: string) => `totp-enrolment:${userId}`;

export interface PendingEnrolment {
  secret: string;
  token: string;
}

/** A new secret for `userId` and the token that carries it until it is confirmed. */
export function issueEnrolment(userId: string, now: number = Date.now()): PendingEnrolment {
  const secret = generateTotpSecret();
  const payload = JSON.stringify({ secret, expiresAt: now + ENROLMENT_TTL_MS });
  return { secret, token: seal(key(), payload, aad(userId)).toString("base64url") };
}

/** The secret inside a token issued to `userId`, or null when it is forged, foreign or expired. */
export function openEnrolment(
  userId: string,
  token: string,
  now: number = Date.now(),
): string | null {
  try {
    const { secret, expiresAt } = JSON.parse(
      open(key(), Buffer.from(token, "base64url"), aad(userId)).toString("utf8"),
    ) as {
      secret: string;
      expiresAt: number;
    };
    return now <= expiresAt ? secret : null;
  } catch {
    return null;
  }
}
