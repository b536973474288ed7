import { createHash, randomBytes } from "node:crypto";

/**
 * A bearer capability carried in a link (a request's tracking page, an invitation): 256 random
 * bits, base64url, stored only as a SHA-256 hash separated by what the token is for, so a token of
 * one kind never matches a hash of another.
 */
export function newCapabilityToken(purpose: string): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashCapabilityToken(purpose, token) };
}

export function hashCapabilityToken(purpose: string, token: string): string {
  return createHash("sha256").update(`privacy-desk/${purpose}\n${token}`).digest("hex");
}

/** What such a token looks like (43 characters today; a little slack either way). */
export const CAPABILITY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{40,64}$/;

/** A string that could be one of these tokens: anything else is not looked up. */
export const plausibleCapabilityToken = (token: unknown): token is string =>
  typeof token === "string" && CAPABILITY_TOKEN_PATTERN.test(token);
