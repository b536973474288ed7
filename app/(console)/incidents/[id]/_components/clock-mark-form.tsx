"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import type { Waiver } from "@/lib/incidents/clock-rules";
import { markClockAction } from "../actions";

/** Records that a clock's report or notice was made (or, where the rule allows, is not needed). */
export function ClockMarkForm({
  incidentId,
  ruleKey,
  waiver,
}: {
  incidentId: string;
  ruleKey: string;
  waiver: Waiver | null;
}) {
  const t = useTranslations("incidents");
  const [state, formAction] = useActionState(markClockAction, idle);
  const id = (name: string) => `${ruleKey}-${name}`;
  return (
    <details className="rounded-md bg-slate-50 px-3 py-2">
      <summary className="cursor-pointer text-xs font-medium text-brand-700">
        {t("clock.record")}
      </summary>
      <form action={formAction} noValidate className="mt-2 space-y-3">
        <input type="hidden" name="id" value={incidentId} />
        <input type="hidden" name="ruleKey" value={ruleKey} />
        <SelectField
          id={id("outcome")}
          name="outcome"
          label={t("clock.outcome")}
          error={fieldError(state, "outcome")}
          options={[
            { value: "done", label: t("clock.outcomes.done") },
            ...(waiver ? [{ value: "waived", label: t(`clock.outcomes.waived_${waiver}`) }] : []),
          ]}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            id={id("doneOn")}
            name="doneOn"
            type="date"
            label={t("clock.doneOn")}
            hint={t("clock.doneOnHint")}
            error={fieldError(state, "doneOn")}
          />
          <TextField
            id={id("doneTime")}
            name="doneTime"
            type="time"
            label={t("clock.doneTime")}
            error={fieldError(state, "doneTime")}
          />
        </div>
        {waiver === "gdpr34" && (
          <SelectField
            id={id("exception")}
            name="exception"
            label={t("clock.exception")}
            error={fieldError(state, "exception")}
            options={[
              { value: "", label: "—" },
              ...["encrypted", "later_measures", "disproportionate_effort"].map((e) => ({
                value: e,
                label: t(`clock.exceptions.${e}`),
              })),
            ]}
          />
        )}
        <TextAreaField
          id={id("reason")}
          name="reason"
          label={t("clock.reason")}
          hint={t("clock.reasonHint")}
          error={fieldError(state, "reason")}
          maxLength={2000}
        />
        <SubmitButton pendingLabel={t("saving")}>{t("clock.save")}</SubmitButton>
        <FormMessage state={formOutcome(state)} />
      </form>
    </details>
  );
}
