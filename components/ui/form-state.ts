import type { ActionState } from "@/lib/core/actions/state";

/** The message to show next to an input after a refused submission. */
export function fieldError(state: ActionState, name: string): string | undefined {
  return state.status === "error" ? state.fieldErrors?.[name] : undefined;
}

/** What the person typed, handed back after a refusal, else the form's starting value. */
export function fieldValue(
  state: ActionState,
  name: string,
  fallback?: string,
): string | undefined {
  const value = state.status === "error" ? state.values?.[name] : undefined;
  return typeof value === "string" ? value : fallback;
}

/** Checkbox-group values handed back after a refusal, else the starting selection. */
export function fieldValues(state: ActionState, name: string, fallback: string[]): string[] {
  const value = state.status === "error" ? state.values?.[name] : undefined;
  return Array.isArray(value) ? value : state.status === "error" && state.values ? [] : fallback;
}

/**
 * The form-level outcome. A refusal about the whole form (field `_form`, e.g. "the organisation
 * must keep an owner") says more than the generic message, so it takes its place; a refusal
 * explained next to its fields needs no second, vaguer message above the button.
 */
export function formOutcome(state: ActionState): ActionState {
  if (state.status !== "error" || !state.fieldErrors) return state;
  const reason = state.fieldErrors._form;
  if (reason) return { ...state, message: reason };
  return Object.keys(state.fieldErrors).length > 0 ? { status: "idle" } : state;
}
