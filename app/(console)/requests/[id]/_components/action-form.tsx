"use client";

import { useActionState, type ReactNode } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle, type ActionState } from "@/lib/core/actions/state";

interface Props {
  action: ServerAction;
  id: string;
  submit: string;
  pending: string;
  variant?: ButtonVariant;
  hidden?: Record<string, string>;
  /** Fields; given the state so they can show their errors. */
  children?: (state: ActionState) => ReactNode;
}

/** One step on a request: hidden id, its own fields, a submit button and the outcome. */
export function ActionForm({ action, id, submit, pending, variant, hidden = {}, children }: Props) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} noValidate className="space-y-3">
      <input type="hidden" name="id" value={id} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children?.(state)}
      <SubmitButton variant={variant} pendingLabel={pending}>
        {submit}
      </SubmitButton>
      <FormMessage state={formOutcome(state)} />
    </form>
  );
}
