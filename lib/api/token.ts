import { createHash, randomBytes } from "node:crypto";

/**
 * API tokens look like `pdk_<prefix>_<secret>`: the prefix (12 hex characters) is public and finds
 * the key's row; the secret (32 random bytes, base64url) is shown once and stored only as its
 * SHA-256. 256 random bits need no slow hash: nobody can guess them, offline or not.
 */
const TOKEN = /^pdk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export function newToken(): { prefix: string; secret: string; token: string; secretHash: string } {
  const prefix = randomBytes(6).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  return { prefix, secret, token: `pdk_${prefix}_${secret}`, secretHash: hashSecret(secret) };
}

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** The parts of a well-formed token, or undefined. */
export function parseToken(token: string): { prefix: string; secret: string } | undefined {
  const match = TOKEN.exec(token);
  return match ? { prefix: match[1], secret: match[2] } : undefined;
}

/** The token from an `Authorization: Bearer …` header. */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get("authorization");
  const match = header && /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : undefined;
}
