import { generateSecret, NobleCryptoPlugin, ScureBase32Plugin, TOTP } from "otplib";

const ISSUER = "Privacy Desk";
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const SECRET_BYTES = 20;
// Steps of clock drift tolerated either side of the server's current step.
const DRIFT_STEPS = 1;
const CODE_PATTERN = new RegExp(`^\\d{${DIGITS}}$`);

// The class API (unlike otplib's functional `verify`) is typed with the TOTP-only
// result, which carries the matched `timeStep` we need for replay protection.
const totp = new TOTP({
  issuer: ISSUER,
  algorithm: "sha1",
  digits: DIGITS,
  period: PERIOD_SECONDS,
  crypto: new NobleCryptoPlugin(),
  base32: new ScureBase32Plugin(),
});

function toEpochSeconds(nowMs: number): number {
  return Math.floor(nowMs / 1000);
}

/** Base32 secret (no padding) over 20 random bytes. */
export function generateTotpSecret(): string {
  return generateSecret({ length: SECRET_BYTES });
}

/** `otpauth://totp/…` URI for the enrolment QR code. */
export function totpUri({
  secret,
  account,
  issuer = ISSUER,
}: {
  secret: string;
  account: string;
  issuer?: string;
}): string {
  return totp.toURI({ secret, label: account, issuer });
}

/** Current code for `secret`; `now` is in milliseconds (Date.now()). */
export async function generateTotp(secret: string, now: number = Date.now()): Promise<string> {
  return totp.generate({ secret, epoch: toEpochSeconds(now) });
}

export type TotpVerification = { ok: true; step: number } | { ok: false };

/**
 * Checks `code` within ±1 step of `now` (milliseconds) and refuses any step
 * <= `lastUsedStep`, so a code is good once only. On success the caller must
 * persist the returned `step` as the new `lastUsedStep`.
 *
 * Malformed codes are refused; a malformed *secret* throws, as that is a
 * server-side fault rather than user input.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  opts: { now?: number; lastUsedStep?: number | null } = {},
): Promise<TotpVerification> {
  const token = code.replace(/\s+/g, "");
  // otplib throws on malformed tokens; user input should simply fail.
  if (!CODE_PATTERN.test(token)) return { ok: false };

  const epoch = toEpochSeconds(opts.now ?? Date.now());
  const newestStep = Math.floor(epoch / PERIOD_SECONDS) + DRIFT_STEPS;
  const lastUsedStep = opts.lastUsedStep ?? undefined;
  // otplib throws if afterTimeStep lies beyond the newest step it would try.
  // That only happens if our clock moved backwards after a success, and every
  // candidate would be refused as a replay anyway.
  if (lastUsedStep !== undefined && lastUsedStep >= newestStep) return { ok: false };

  const result = await totp.verify(token, {
    secret,
    epoch,
    epochTolerance: DRIFT_STEPS * PERIOD_SECONDS,
    afterTimeStep: lastUsedStep,
  });
  return result.valid ? { ok: true, step: result.timeStep } : { ok: false };
}
