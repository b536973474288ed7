"use client";

import { useActionState } from "react";
import type { ButtonVariant } from "./button";
import { FormMessage } from "./form-message";
import { formOutcome } from "./form-state";
import { SubmitButton } from "./submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

interface Props {
  action: ServerAction;
  /** Hidden fields naming what the action applies to. */
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  variant?: ButtonVariant;
}

/** One workflow step as one button: hidden fields name the target, the outcome is announced under it. */
export function ActionButton({ action, fields, label, pendingLabel, variant }: Props) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="inline-flex flex-col items-start gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pendingLabel={pendingLabel} variant={variant}>
        {label}
      </SubmitButton>
      <FormMessage state={formOutcome(state)} />
    </form>
  );
}
