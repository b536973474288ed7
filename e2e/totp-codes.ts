import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { generateTotp } from "@/lib/core/auth/totp";

/** Enrolled secrets and last used steps, kept on disk so a restarted worker still knows them. */
const STATE = "test-results/e2e-totp.json";
type State = { secrets: Record<string, string>; lastStep: Record<string, number> };

function load(): State {
  return existsSync(STATE) ? JSON.parse(readFileSync(STATE, "utf8")) : { secrets: {}, lastStep: {} };
}
function save(state: State) {
  mkdirSync("test-results", { recursive: true });
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
 * A code the server has not seen yet for this person: the server refuses a replayed step, so
 * when this step was used already, wait for the next one.
 */
export async function freshCode(email: string, secret = knownSecret(email)): Promise<string> {
  if (!secret) throw new Error(`no TOTP secret known for ${email}`);
  const state = load();
  let step = Math.floor(Date.now() / 30_000);
  if (step <= (state.lastStep[email] ?? -1)) {
    await new Promise((r) => setTimeout(r, (step + 1) * 30_000 - Date.now() + 250));
    step = Math.floor(Date.now() / 30_000);
  }
  state.lastStep[email] = step;
  save(state);
  return generateTotp(secret, step * 30_000 + 1_000);
}
