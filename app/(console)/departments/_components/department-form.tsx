"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

interface Props {
  action: ServerAction;
  /** Set when editing: the department's id and current values. */
  department?: { id: string; name: string; headUserId: string | null };
  headOptions: Array<{ value: string; label: string }>;
  submitLabel: string;
}

/** Name and head, for a new department or an existing one. */
export function DepartmentForm({ action, department, headOptions, submitLabel }: Props) {
  const t = useTranslations("departments");
  const common = useTranslations("common");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {department && <input type="hidden" name="id" value={department.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="name"
          label={t("name")}
          required
          maxLength={80}
          defaultValue={fieldValue(state, "name", department?.name)}
          error={fieldError(state, "name")}
        />
        <SelectField
          name="headUserId"
          label={t("head")}
          hint={t("headHint")}
          options={[{ value: "", label: t("noHead") }, ...headOptions]}
          defaultValue={fieldValue(state, "headUserId", department?.headUserId ?? "")}
          error={fieldError(state, "headUserId")}
        />
      </div>
      <FormMessage state={formOutcome(state)} />
      <SubmitButton pendingLabel={common("saving")}>{submitLabel}</SubmitButton>
    </form>
  );
}
