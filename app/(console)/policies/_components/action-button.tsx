"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

/** One workflow step as a button: hidden fields name the target, the result is announced under it. */
export function ActionButton({
  action,
  fields,
  label,
  pending,
  variant,
}: {
  action: ServerAction;
  fields: Record<string, string>;
  label: string;
  pending: string;
  variant?: ButtonVariant;
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pendingLabel={pending} variant={variant}>
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
