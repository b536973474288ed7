"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { recordConsentAction } from "./actions";

interface Props {
  customerId: string;
  purposes: Array<{ id: string; label: string }>;
  actions: readonly string[];
  channels: readonly string[];
}

/** "Record on the customer's behalf": purpose, decision, channel and a mandatory reason. */
export function StaffRecordForm({ customerId, purposes, actions, channels }: Props) {
  const t = useTranslations("consent");
  const [state, formAction] = useActionState(recordConsentAction, idle);
  // Ids prefixed: the customer page also holds the reveal dialog, whose fields share these names.
  const field = (name: string) => ({
    name,
    id: `consent-${name}`,
    label: t(`record.${name}`),
    error: fieldError(state, name),
    defaultValue: fieldValue(state, name, ""),
  });
  return (
    <form action={formAction} noValidate className="space-y-4" aria-label={t("record.heading")}>
      <input type="hidden" name="customerId" value={customerId} />
      <FormMessage state={formOutcome(state)} />
      <div className="grid gap-4 md:grid-cols-3">
        <SelectField
          {...field("purposeId")}
          required
          options={[
            { value: "", label: t("record.choosePurpose") },
            ...purposes.map((p) => ({ value: p.id, label: p.label })),
          ]}
        />
        <SelectField
          {...field("action")}
          required
          options={[
            { value: "", label: t("record.chooseAction") },
            ...actions.map((a) => ({ value: a, label: t(`actions.${a}`) })),
          ]}
        />
        <SelectField
          {...field("channel")}
          required
          options={[
            { value: "", label: t("record.chooseChannel") },
            ...channels.map((c) => ({ value: c, label: t(`channels.${c}`) })),
          ]}
        />
      </div>
      <TextAreaField
        {...field("reason")}
        required
        minLength={10}
        maxLength={500}
        hint={t("record.reasonHint")}
      />
      <SubmitButton pendingLabel={t("record.saving")}>{t("record.submit")}</SubmitButton>
    </form>
  );
}
