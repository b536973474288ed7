"use client";

import { useActionState } from "react";
import type { ButtonVariant } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

interface Props {
  action: ServerAction;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  variant?: ButtonVariant;
}

/** One button that runs one action on named records; its outcome is announced beside it. */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  variant = "secondary",
}: Props) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="inline-flex flex-col items-start gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
      {state.status === "error" && <FormMessage state={formOutcome(state)} />}
    </form>
  );
}
