"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { riskTreatments } from "@/db/schema/risks";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";
import { gridSteps } from "@/lib/risks/levels";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";

export interface RiskFormValues {
  id?: string;
  title: string;
  description: string;
  ownerId: string;
  treatment: string;
  reviewOn: string;
  inherentLikelihood: string;
  inherentImpact: string;
  residualLikelihood: string;
  residualImpact: string;
}

export function RiskForm({
  action,
  initial,
  members,
  cancelHref,
  submitLabel,
}: {
  action: ServerAction;
  initial: RiskFormValues;
  members: Array<{ userId: string; name: string }>;
  cancelHref: string;
  submitLabel: string;
}) {
  const t = useTranslations("risks");
  const common = useTranslations("common");
  const [state, formAction] = useActionState(action, idle);
  const form = useFocusFirstError(state);
  const value = (name: keyof RiskFormValues) => fieldValue(state, name, initial[name]);
  const step = (name: keyof RiskFormValues, label: string) => (
    <SelectField
      name={name}
      label={label}
      required
      defaultValue={value(name)}
      error={fieldError(state, name)}
      options={gridSteps.map((s) => ({
        value: String(s),
        label: t(`steps.${name.endsWith("Likelihood") ? "likelihood" : "impact"}.${s}`),
      }))}
    />
  );
  return (
    <form ref={form} action={formAction} className="space-y-4">
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <Card>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <TextField
              name="title"
              label={t("fields.title")}
              required
              maxLength={200}
              defaultValue={value("title")}
              error={fieldError(state, "title")}
            />
          </div>
          <div className="sm:col-span-2">
            <TextAreaField
              name="description"
              label={t("fields.description")}
              maxLength={4000}
              defaultValue={value("description")}
              error={fieldError(state, "description")}
            />
          </div>
          <fieldset className="space-y-3 rounded-md p-3 ring-1 ring-slate-200">
            <legend className="px-1 text-sm font-semibold text-slate-800">
              {t("fields.inherent")}
            </legend>
            {step("inherentLikelihood", t("fields.likelihood"))}
            {step("inherentImpact", t("fields.impact"))}
          </fieldset>
          <fieldset className="space-y-3 rounded-md p-3 ring-1 ring-slate-200">
            <legend className="px-1 text-sm font-semibold text-slate-800">
              {t("fields.residual")}
            </legend>
            {step("residualLikelihood", t("fields.likelihood"))}
            {step("residualImpact", t("fields.impact"))}
          </fieldset>
          <SelectField
            name="treatment"
            label={t("fields.treatment")}
            required
            defaultValue={value("treatment")}
            error={fieldError(state, "treatment")}
            hint={t("fields.treatmentHint")}
            options={riskTreatments.map((k) => ({ value: k, label: t(`treatments.${k}`) }))}
          />
          <SelectField
            name="ownerId"
            label={t("fields.owner")}
            required
            defaultValue={value("ownerId")}
            error={fieldError(state, "ownerId")}
            options={[
              { value: "", label: t("choose") },
              ...members.map((m) => ({ value: m.userId, label: m.name })),
            ]}
          />
          <TextField
            name="reviewOn"
            type="date"
            label={t("fields.reviewOn")}
            required
            defaultValue={value("reviewOn")}
            error={fieldError(state, "reviewOn")}
          />
        </div>
      </Card>
      <FormMessage state={formOutcome(state)} />
      <div className="flex gap-2">
        <SubmitButton pendingLabel={t("saving")}>{submitLabel}</SubmitButton>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          {common("cancel")}
        </Link>
      </div>
    </form>
  );
}
