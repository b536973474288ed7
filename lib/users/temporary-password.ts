import "server-only";
import { randomInt } from "node:crypto";

// No look-alikes (0/O, 1/l/I, u/v): the password is read off a screen and typed by someone else.
const ALPHABET = "ABCDEFGHJKMNPQRSTWXYZabcdefghjkmnpqrstwxyz23456789";
const GROUPS = 4;
const GROUP_LENGTH = 5;

/**
 * A one-time password for an invited person: 20 random symbols (about 112 bits) in dash-separated
 * groups, 23 characters in all. It is shown to the inviting admin once and only its hash is kept.
 */
export function generateTemporaryPassword(): string {
  const group = () => Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return Array.from({ length: GROUPS }, group).join("-");
}
