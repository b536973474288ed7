"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { submissionChannels } from "@/lib/incidents/response/schemas";
import { recordSubmissionAction } from "../response/actions";

/** Records when, how and under which reference a version was filed. */
export function ReportSubmissionForm({ reportId }: { reportId: string }) {
  const t = useTranslations("incidentResponse.reports");
  const [state, formAction] = useActionState(recordSubmissionAction, idle);
  const id = (name: string) => `${reportId}-${name}`;
  return (
    <details className="mt-2 rounded-md bg-slate-50 px-3 py-2">
      <summary className="cursor-pointer text-xs font-medium text-brand-700">
        {t("recordSubmission")}
      </summary>
      <form action={formAction} noValidate className="mt-2 space-y-3">
        <input type="hidden" name="reportId" value={reportId} />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            id={id("on")}
            name="on"
            type="date"
            label={t("submittedOn")}
            error={fieldError(state, "on")}
            required
          />
          <TextField
            id={id("at")}
            name="at"
            type="time"
            label={t("submittedTime")}
            error={fieldError(state, "at")}
          />
        </div>
        <SelectField
          id={id("channel")}
          name="channel"
          label={t("channel")}
          error={fieldError(state, "channel")}
          options={submissionChannels.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
        />
        <TextField
          id={id("reference")}
          name="reference"
          label={t("reference")}
          error={fieldError(state, "reference")}
          maxLength={200}
        />
        <SubmitButton pendingLabel="…">{t("save")}</SubmitButton>
        <FormMessage state={formOutcome(state)} />
      </form>
    </details>
  );
}
