import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { generateTotp } from "@/lib/core/auth/totp";
import { RUN_STATE_DIR } from "./run-state";

/** Enrolled secrets and last used steps, kept on disk so a restarted worker still knows them. */
const STATE = `${RUN_STATE_DIR}/totp.json`;
type State = { secrets: Record<string, string>; lastStep: Record<string, number> };

function load(): State {
  return existsSync(STATE)
    ? JSON.parse(readFileSync(STATE, "utf8"))
    : { secrets: {}, lastStep: {} };
}
function save(state: State) {
  mkdirSync(RUN_STATE_DIR, { recursive: true });
  writeFileSync(STATE, JSON.stringify(state));
}

export function rememberSecret(email: string, secret: string) {
  const state = load();
  state.secrets[email] = secret;
  save(state);
}

export function knownSecret(email: string): string | undefined {
  return load().secrets[email];
}

/**
 * A code the server has not seen yet for this person, without waiting for the next 30-second step.
 * The server refuses a replayed step but accepts one step of clock drift, so when this step was
 * used already the code is the next step's, as from an authenticator whose clock runs a little
 * ahead. A third code within one step would need a wait: a test that signs one person in that
 * often gives each sign-in its own account instead (e2e/accounts.ts).
 */
export async function freshCode(email: string, secret = knownSecret(email)): Promise<string> {
  if (!secret) throw new Error(`no TOTP secret known for ${email}`);
  const state = load();
  const now = Math.floor(Date.now() / 30_000);
  const step = Math.max(now, (state.lastStep[email] ?? -1) + 1);
  if (step > now + 1)
    throw new Error(
      `${email} used two codes in this 30-second step already: give the test its own account`,
    );
  state.lastStep[email] = step;
  save(state);
  return generateTotp(secret, step * 30_000 + 1_000);
}
