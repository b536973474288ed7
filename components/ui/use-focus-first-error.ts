"use client";

import { useEffect, useRef } from "react";
import type { ActionState } from "@/lib/core/actions/state";

/**
 * For a form's ref: after a refusal, move focus (and the view) to the first control whose error
 * message (`<id>-error`, as the fields render it) has text.
 */
export function useFocusFirstError(state: ActionState) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status !== "error") return;
    const message = [...(form.current?.querySelectorAll<HTMLElement>("[id$='-error']") ?? [])].find(
      (p) => p.textContent,
    );
    message?.parentElement?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, [state]);
  return form;
}
