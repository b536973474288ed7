import type { ActionState } from "@/lib/core/actions/state";

/** The form-level result of an action, announced to screen readers. */
export function FormMessage({ state }: { state: ActionState }) {
  return (
    <div aria-live="polite" role="status">
      {state.status === "error" && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">
          {state.message}
        </p>
      )}
      {state.status === "ok" && state.message && (
        <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          {state.message}
        </p>
      )}
    </div>
  );
}
