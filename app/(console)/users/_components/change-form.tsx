"use client";

import { useActionState } from "react";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

interface Props {
  action: ServerAction;
  userId: string;
  name: string;
  label: string;
  options: Array<{ value: string; label: string }>;
  current: string;
  labels: { submit: string; pending: string };
}

/** One setting of a member (role, department): a select starting at the current value. */
export function ChangeForm({ action, userId, name, label, options, current, labels }: Props) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <div className="max-w-sm">
        <SelectField
          name={name}
          label={label}
          options={options}
          defaultValue={fieldValue(state, name, current)}
          error={fieldError(state, name)}
        />
      </div>
      <FormMessage state={formOutcome(state)} />
      <SubmitButton variant="secondary" pendingLabel={labels.pending}>
        {labels.submit}
      </SubmitButton>
    </form>
  );
}
