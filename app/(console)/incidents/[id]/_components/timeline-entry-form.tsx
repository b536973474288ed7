"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { addTimelineEntryAction } from "../response/actions";

/** A manual timeline entry: when (Beijing time), what happened, and an evidence file if any. */
export function TimelineEntryForm({ incidentId }: { incidentId: string }) {
  const t = useTranslations("incidentResponse.timeline");
  const [state, formAction] = useActionState(addTimelineEntryAction, idle);
  return (
    <details className="mt-3 rounded-md bg-slate-50 px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("add")}</summary>
      <form action={formAction} noValidate className="mt-3 space-y-3">
        <input type="hidden" name="incidentId" value={incidentId} />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            id="entry-on"
            name="on"
            type="date"
            label={t("on")}
            error={fieldError(state, "on")}
            required
          />
          <TextField
            id="entry-at"
            name="at"
            type="time"
            label={t("at")}
            error={fieldError(state, "at")}
          />
        </div>
        <TextAreaField
          id="entry-note"
          name="note"
          label={t("note")}
          error={fieldError(state, "note")}
          required
          maxLength={4000}
          rows={3}
        />
        <TextField
          id="entry-file"
          name="file"
          type="file"
          label={t("file")}
          error={fieldError(state, "file")}
        />
        <SubmitButton pendingLabel="…">{t("save")}</SubmitButton>
        <FormMessage state={formOutcome(state)} />
      </form>
    </details>
  );
}
