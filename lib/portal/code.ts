import "server-only";
import { randomInt } from "node:crypto";
import { portalMac, sameMac } from "./secrets";

export const CODE_PATTERN = /^\d{6}$/;

/** Six random digits from the CSPRNG (leading zeros kept). */
export const newCode = () => randomInt(0, 1_000_000).toString().padStart(6, "0");

/** What is stored: an HMAC bound to the challenge, so a leaked table reveals no code and no hash is reusable. */
export const codeHash = (challengeId: string, code: string) =>
  portalMac("portal-code", `${challengeId}\0${code}`);

export const codeMatches = (challengeId: string, code: string, stored: string) =>
  sameMac(codeHash(challengeId, code), stored);
