import type { ActionState } from "@/lib/core/actions/state";

/** Runs an action that redirects on success; returns the path it redirected to. */
export async function redirectOf(promise: Promise<ActionState>): Promise<string> {
  const error = await promise.then((state) => ({ digest: `returned ${JSON.stringify(state)}` }), (e: { digest?: string }) => e);
  const match = /^NEXT_REDIRECT;\w+;([^;]+);/.exec(error.digest ?? "");
  if (!match) throw new Error(`expected a redirect, got ${error.digest}`);
  return match[1];
}

/** The errors by field of a refusal (undefined for any other outcome). */
export const fieldErrorsOf = (state: ActionState) => (state.status === "error" ? state.fieldErrors : undefined);
