import type { ActionState } from "@/lib/core/actions/state";

/** The path a thrown Next redirect goes to, or undefined for anything else thrown. */
const redirectPath = (error: unknown) =>
  /^NEXT_REDIRECT;\w+;([^;]+);/.exec((error as { digest?: string })?.digest ?? "")?.[1];

/** Runs an action that redirects on success; returns the path it redirected to. */
export async function redirectOf(promise: Promise<ActionState>): Promise<string> {
  const error = await promise.then(
    (state) => ({ digest: `returned ${JSON.stringify(state)}` }),
    (e: { digest?: string }) => e,
  );
  const path = redirectPath(error);
  if (!path) throw new Error(`expected a redirect, got ${error.digest}`);
  return path;
}

/** Runs an action: its state, or `{ redirect: path }` when it redirected. */
export async function outcomeOf<S>(promise: Promise<S>): Promise<S | { redirect: string }> {
  try {
    return await promise;
  } catch (error) {
    const path = redirectPath(error);
    if (path) return { redirect: path };
    throw error;
  }
}

/** The errors by field of a refusal (undefined for any other outcome). */
export const fieldErrorsOf = (state: ActionState) =>
  state.status === "error" ? state.fieldErrors : undefined;
