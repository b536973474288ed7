"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { proposeRectificationAction } from "../actions";

/** A corrected value the requester gave by phone or letter, entered by staff. */
export function ProposalForm({
  requestId,
  fields,
}: {
  requestId: string;
  fields: readonly string[];
}) {
  const t = useTranslations("fulfilment");
  const [state, formAction] = useActionState(proposeRectificationAction, idle);
  return (
    <form
      action={formAction}
      noValidate
      className="space-y-3"
      aria-label={t("rectification.addHeading")}
    >
      <input type="hidden" name="requestId" value={requestId} />
      <FormMessage state={formOutcome(state)} />
      <div className="grid gap-3 md:grid-cols-2">
        <SelectField
          name="field"
          label={t("rectification.field")}
          required
          error={fieldError(state, "field")}
          defaultValue={fieldValue(state, "field", "")}
          options={[
            { value: "", label: t("rectification.chooseField") },
            ...fields.map((f) => ({ value: f, label: t(`fields.${f}`) })),
          ]}
        />
        <TextField
          name="value"
          label={t("rectification.value")}
          required
          maxLength={300}
          error={fieldError(state, "value")}
          defaultValue={fieldValue(state, "value", "")}
          autoComplete="off"
        />
      </div>
      <SubmitButton pendingLabel={t("saving")}>{t("rectification.add")}</SubmitButton>
    </form>
  );
}
