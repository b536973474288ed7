"use client";

import { useActionState } from "react";
import { ConfirmDialog } from "./confirm-dialog";
import { FormMessage } from "./form-message";
import { formOutcome } from "./form-state";
import type { ButtonVariant } from "./button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

interface Props {
  action: ServerAction;
  /** Hidden fields naming what the action applies to. */
  fields: Record<string, string>;
  variant?: ButtonVariant;
  disabled?: boolean;
  labels: {
    trigger: string;
    title: string;
    body: string;
    confirm: string;
    cancel: string;
    pending: string;
  };
}

/** An action with no inputs of its own (deactivate, reset 2FA, delete) that asks first. */
export function ConfirmForm({ action, fields, variant = "danger", disabled, labels }: Props) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-3">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ConfirmDialog labels={labels} variant={variant} disabled={disabled} />
      <FormMessage state={formOutcome(state)} />
    </form>
  );
}
