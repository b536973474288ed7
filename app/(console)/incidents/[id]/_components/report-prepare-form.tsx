"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { reportContentFields } from "@/lib/incidents/response/schemas";
import { prepareReportAction } from "../response/actions";

/** Prepares a version of a report: the stage and what the officer writes; the facts come from the incident. */
export function ReportPrepareForm({
  incidentId,
  kind,
  stages,
  defaults,
  label,
}: {
  incidentId: string;
  kind: "cac" | "gdpr33";
  stages: Array<"initial" | "supplementary" | "final">;
  defaults: Record<string, string>;
  label: string;
}) {
  const t = useTranslations("incidentResponse.reports");
  const [state, formAction] = useActionState(prepareReportAction, idle);
  const id = (name: string) => `${kind}-${name}`;
  return (
    <details className="rounded-md bg-slate-50 px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{label}</summary>
      <form action={formAction} noValidate className="mt-3 space-y-3">
        <input type="hidden" name="incidentId" value={incidentId} />
        <input type="hidden" name="kind" value={kind} />
        <p className="text-xs text-slate-500">{t("hint")}</p>
        <SelectField
          id={id("stage")}
          name="stage"
          label={t("stage")}
          error={fieldError(state, "stage")}
          options={stages.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
        />
        {reportContentFields[kind].map((field) =>
          field === "contact" || field === "records" ? (
            <TextField
              key={field}
              id={id(field)}
              name={field}
              label={t(`fields.${field}`)}
              defaultValue={defaults[field]}
              error={fieldError(state, field)}
              required={field === "contact"}
              maxLength={300}
            />
          ) : (
            <TextAreaField
              key={field}
              id={id(field)}
              name={field}
              label={t(`fields.${field}`)}
              defaultValue={defaults[field]}
              error={fieldError(state, field)}
              maxLength={4000}
              rows={3}
            />
          ),
        )}
        <SubmitButton pendingLabel="…">{t("submit")}</SubmitButton>
        <FormMessage state={formOutcome(state)} />
      </form>
    </details>
  );
}
