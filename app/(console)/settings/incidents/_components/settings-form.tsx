"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckboxField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import type { ClockSettings } from "@/lib/incidents/clocks";
import { updateIncidentSettingsAction } from "../actions";

export function SettingsForm({ settings }: { settings: ClockSettings }) {
  const t = useTranslations("incidents");
  const [state, formAction] = useActionState(updateIncidentSettingsAction, idle);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <CheckboxField
        name="ciiOperator"
        label={t("settings.ciiOperator")}
        hint={t("settings.ciiOperatorHint")}
        defaultChecked={settings.ciiOperator}
      />
      <div className="max-w-xs">
        <TextField
          name="piplTargetHours"
          type="number"
          min={1}
          max={168}
          required
          label={t("settings.piplTargetHours")}
          hint={t("settings.piplTargetHoursHint")}
          defaultValue={fieldValue(state, "piplTargetHours", String(settings.piplTargetHours))}
          error={fieldError(state, "piplTargetHours")}
        />
      </div>
      <SubmitButton pendingLabel={t("saving")}>{t("settings.save")}</SubmitButton>
      <FormMessage state={formOutcome(state)} />
    </form>
  );
}
