"use client";

import { useActionState } from "react";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

/**
 * One workflow step that takes a note: hidden fields naming what it applies to, the note (its
 * error next to it) and one submit button. A step without a note is an ActionButton.
 */
export function StepForm({
  action,
  fields,
  note,
  submitLabel,
  pendingLabel,
  variant = "primary",
  testId,
}: {
  action: ServerAction;
  fields: Record<string, string>;
  note: { name: string; id?: string; label: string; hint?: string; required?: boolean };
  submitLabel: string;
  pendingLabel: string;
  variant?: ButtonVariant;
  testId?: string;
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-3" data-testid={testId}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextAreaField
        name={note.name}
        id={note.id ?? note.name}
        label={note.label}
        hint={note.hint}
        required={note.required}
        maxLength={4000}
        defaultValue={fieldValue(state, note.name)}
        error={fieldError(state, note.name)}
      />
      <FormMessage state={formOutcome(state)} />
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
