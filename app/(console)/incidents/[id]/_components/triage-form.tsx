"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Card } from "@/components/ui/card";
import {
  CheckboxField,
  CheckboxGroup,
  SelectField,
  TextAreaField,
  TextField,
} from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, fieldValues, formOutcome } from "@/components/ui/form-state";
import { RadioGroup } from "@/components/ui/radio-group";
import { SubmitButton } from "@/components/ui/submit-button";
import { customerLaws } from "@/db/schema/customers";
import {
  breachTypes,
  gdprRiskLevels,
  incidentClassifications,
  type incidents,
} from "@/db/schema/incidents";
import { idle } from "@/lib/core/actions/state";
import { triageIncidentAction } from "../actions";

type Incident = typeof incidents.$inferSelect;

/** The officer's triage, saved again as the figures firm up; the grade is proposed from them on the server. */
export function TriageForm({
  incident: i,
  handlers,
  defaultLaws,
}: {
  incident: Incident;
  handlers: Array<{ userId: string; name: string }>;
  defaultLaws: readonly string[];
}) {
  const t = useTranslations("incidents");
  const [state, formAction] = useActionState(triageIncidentAction, idle);
  const str = (n: number | null) => (n === null ? "" : String(n));
  const value = (name: string, current: string) => fieldValue(state, name, current);
  const error = (name: string) => fieldError(state, name);
  const label = (name: string) => t(`triage.fields.${name}`);
  return (
    <Card title={t("triage.title")}>
      <form action={formAction} noValidate className="space-y-4" data-testid="triage-form">
        <input type="hidden" name="id" value={i.id} />
        <RadioGroup
          name="classification"
          label={label("classification")}
          required
          error={error("classification")}
          defaultValue={value("classification", i.classification ?? "")}
          options={incidentClassifications.map((c) => ({
            value: c,
            label: t(`classification.${c}`),
          }))}
        />
        <CheckboxGroup
          name="breachTypes"
          label={label("breachTypes")}
          error={error("breachTypes")}
          defaultValue={fieldValues(state, "breachTypes", i.breachTypes)}
          options={breachTypes.map((b) => ({ value: b, label: t(`breachType.${b}`) }))}
        />
        <TextAreaField
          name="dismissReason"
          label={label("dismissReason")}
          hint={t("triage.hints.dismissReason")}
          defaultValue={value("dismissReason", i.dismissReason ?? "")}
          error={error("dismissReason")}
          maxLength={2000}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="estimatedAffected"
            type="number"
            min={0}
            inputMode="numeric"
            label={label("estimatedAffected")}
            hint={t("triage.hints.estimatedAffected")}
            defaultValue={value("estimatedAffected", str(i.estimatedAffected))}
            error={error("estimatedAffected")}
          />
          <TextField
            name="directLossCny"
            type="number"
            min={0}
            inputMode="numeric"
            label={label("directLossCny")}
            defaultValue={value("directLossCny", str(i.directLossCny))}
            error={error("directLossCny")}
          />
        </div>
        <CheckboxGroup
          name="affectedLaws"
          label={label("affectedLaws")}
          error={error("affectedLaws")}
          defaultValue={fieldValues(
            state,
            "affectedLaws",
            i.triagedAt ? i.affectedLaws : [...defaultLaws],
          )}
          options={customerLaws.map((law) => ({ value: law, label: t(`law.${law}`) }))}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="californiaResidents"
            type="number"
            min={0}
            inputMode="numeric"
            label={label("californiaResidents")}
            defaultValue={value("californiaResidents", str(i.californiaResidents))}
            error={error("californiaResidents")}
          />
          <SelectField
            name="gdprRisk"
            label={label("gdprRisk")}
            defaultValue={value("gdprRisk", i.gdprRisk ?? "")}
            error={error("gdprRisk")}
            options={[
              { value: "", label: t("facts.notAssessed") },
              ...gdprRiskLevels.map((r) => ({ value: r, label: t(`gdprRisk.${r}`) })),
            ]}
          />
        </div>
        <TextAreaField
          name="gdprRiskReason"
          label={label("gdprRiskReason")}
          hint={t("triage.hints.gdprRiskReason")}
          defaultValue={value("gdprRiskReason", i.gdprRiskReason ?? "")}
          error={error("gdprRiskReason")}
          maxLength={2000}
        />
        <SelectField
          name="assigneeId"
          label={label("assigneeId")}
          defaultValue={value("assigneeId", i.assigneeId ?? "")}
          error={error("assigneeId")}
          options={[
            { value: "", label: t("triage.nobody") },
            ...handlers.map((h) => ({ value: h.userId, label: h.name })),
          ]}
        />
        <CheckboxField
          name="drill"
          label={label("drill")}
          hint={t("triage.hints.drill")}
          defaultChecked={state.status === "error" ? state.values?.drill === "true" : i.drill}
        />
        <SubmitButton pendingLabel={t("saving")}>{t("triage.save")}</SubmitButton>
        <FormMessage state={formOutcome(state)} />
      </form>
    </Card>
  );
}
