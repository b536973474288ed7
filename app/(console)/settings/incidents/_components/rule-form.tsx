"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, fieldValues, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { customerLaws } from "@/db/schema/customers";
import { incidentClassifications, incidentGrades } from "@/db/schema/incidents";
import { idle } from "@/lib/core/actions/state";
import { addClockRuleAction } from "../actions";

/** An organisation's own clock: a jurisdiction as a row beside the reference ones. */
export function RuleForm() {
  const t = useTranslations("incidents");
  const [state, formAction] = useActionState(addClockRuleAction, idle);
  const field = (name: string) => ({
    name,
    label: t(`settings.fields.${name}`),
    defaultValue: fieldValue(state, name, ""),
    error: fieldError(state, name),
  });
  return (
    <form action={formAction} noValidate className="space-y-4">
      <div className="grid gap-4 md:grid-cols-3">
        <TextField {...field("key")} required hint={t("settings.hints.key")} autoComplete="off" />
        <TextField {...field("law")} required autoComplete="off" />
        <TextField {...field("recipient")} required autoComplete="off" />
        <TextField
          {...field("periodAmount")}
          type="number"
          min={1}
          hint={t("settings.hints.period")}
        />
        <SelectField
          {...field("periodUnit")}
          options={[
            { value: "", label: t("clock.undueDelay") },
            ...["hours", "calendar_days", "working_days"].map((u) => ({
              value: u,
              label: t(`settings.units.${u}`),
            })),
          ]}
        />
        <SelectField
          {...field("startEvent")}
          required
          options={["discovered", "triaged", "contained"].map((s) => ({
            value: s,
            label: t(`clock.start.${s}`),
          }))}
        />
        <SelectField
          {...field("minGrade")}
          options={[
            { value: "", label: t("settings.anyGrade") },
            ...incidentGrades.map((g) => ({ value: g, label: t(`grade.${g}`) })),
          ]}
        />
        <SelectField
          {...field("triggerLaw")}
          options={[
            { value: "", label: t("settings.anyLaw") },
            ...customerLaws.map((l) => ({ value: l, label: t(`law.${l}`) })),
          ]}
        />
        <TextField {...field("inForceFrom")} type="date" />
      </div>
      <CheckboxGroup
        name="classifications"
        label={t("settings.fields.classifications")}
        error={fieldError(state, "classifications")}
        defaultValue={fieldValues(state, "classifications", ["pi_breach"])}
        options={incidentClassifications
          .filter((c) => c !== "not_incident")
          .map((c) => ({ value: c, label: t(`classification.${c}`) }))}
      />
      <TextAreaField {...field("checklist")} hint={t("settings.hints.checklist")} rows={3} />
      <TextAreaField {...field("source")} required hint={t("settings.hints.source")} rows={2} />
      <SubmitButton pendingLabel={t("saving")}>{t("settings.addRuleSubmit")}</SubmitButton>
      <FormMessage state={formOutcome(state)} />
    </form>
  );
}
