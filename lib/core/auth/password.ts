import "server-only";
import { randomBytes } from "node:crypto";
import { hash, verify, type Algorithm, type Options } from "@node-rs/argon2";
import { z } from "zod";

// `Algorithm` is an ambient const enum: `isolatedModules` forbids reading it as a
// value, and the native module exports it as an empty object, so
// `Algorithm.Argon2id` would be `undefined` at runtime. Pin the numeric value.
const ARGON2ID: Algorithm = 2;

// OWASP Password Storage Cheat Sheet, argon2id minimum configuration.
const ARGON2_OPTIONS: Options = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** New-password rule. Messages are i18n keys; the UI translates them. */
export const passwordSchema = z
  .string({ error: "errors.passwordRequired" })
  .min(PASSWORD_MIN_LENGTH, { error: "errors.passwordTooShort" })
  .max(PASSWORD_MAX_LENGTH, { error: "errors.passwordTooLong" });

// The same password typed on different keyboards/OSes can arrive in different
// Unicode forms (NIST SP 800-63B asks verifiers to normalise).
function normalise(password: string): string {
  return password.normalize("NFKC");
}

/** Argon2id PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`). */
export async function hashPassword(password: string): Promise<string> {
  return hash(normalise(password), ARGON2_OPTIONS);
}

/**
 * True only if `password` matches `storedHash`. A malformed or empty stored hash
 * yields false (after spending a normal verification's time), never an exception.
 */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, normalise(password));
  } catch {
    return verifyAgainstDummy(password);
  }
}

let dummyHash: Promise<string> | undefined;

function computeDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString("base64url")).catch((error: unknown) => {
    dummyHash = undefined;
    throw error;
  });
  return dummyHash;
}

/**
 * A real argon2id hash of a random secret, used to make sign-in for an unknown
 * user cost as much as for a known one. Lazy (a thenable, `await DUMMY_HASH`) so
 * importing this module never runs a 19 MiB hash, e.g. during `next build`.
 */
export const DUMMY_HASH: PromiseLike<string> = {
  then(onFulfilled, onRejected) {
    return computeDummyHash().then(onFulfilled, onRejected);
  },
};

/** Spends one argon2id verification and always resolves false. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  try {
    await verify(await DUMMY_HASH, normalise(password));
  } catch {
    // Nothing to report: the outcome is false whatever happened.
  }
  return false;
}
