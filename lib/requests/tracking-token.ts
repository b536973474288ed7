import { createHash, randomBytes } from "node:crypto";

/** The requester's capability to follow their request: 256 random bits, stored only as a SHA-256 hash. */
export function newTrackingToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashTrackingToken(token) };
}

export function hashTrackingToken(token: string): string {
  return createHash("sha256").update(`privacy-desk/request-tracking\n${token}`).digest("hex");
}
