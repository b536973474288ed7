"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { addIncidentTaskAction } from "../response/actions";

/** A task with an owner and a due date; ticked, it is one of the review's actions. */
export function TaskForm({
  incidentId,
  members,
}: {
  incidentId: string;
  members: Array<{ userId: string; name: string }>;
}) {
  const t = useTranslations("incidentResponse.tasks");
  const [state, formAction] = useActionState(addIncidentTaskAction, idle);
  return (
    <details className="mt-3 rounded-md bg-slate-50 px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("add")}</summary>
      <form action={formAction} noValidate className="mt-3 space-y-3">
        <input type="hidden" name="incidentId" value={incidentId} />
        <TextField
          id="task-title"
          name="title"
          label={t("taskTitle")}
          error={fieldError(state, "title")}
          required
          maxLength={300}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            id="task-owner"
            name="ownerId"
            label={t("owner")}
            error={fieldError(state, "ownerId")}
            options={[
              { value: "", label: "—" },
              ...members.map((m) => ({ value: m.userId, label: m.name })),
            ]}
          />
          <TextField
            id="task-due"
            name="dueOn"
            type="date"
            label={t("dueOn")}
            error={fieldError(state, "dueOn")}
            required
          />
        </div>
        <CheckboxField name="fromReview" label={t("fromReview")} />
        <SubmitButton pendingLabel="…">{t("add")}</SubmitButton>
        <FormMessage state={formOutcome(state)} />
      </form>
    </details>
  );
}
