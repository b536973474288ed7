"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

/** Uploads (or replaces) the report; the server checks the size and what the bytes are. */
export function ReportUpload({
  action,
  assessmentId,
}: {
  action: ServerAction;
  assessmentId: string;
}) {
  const t = useTranslations("securityTests");
  const [state, formAction] = useActionState(action, idle);
  const error = fieldError(state, "file");
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <label htmlFor="report-file" className="block text-sm font-medium text-slate-700">
        {t("report.file")}
      </label>
      <input
        id="report-file"
        name="file"
        type="file"
        required
        aria-invalid={error ? true : undefined}
        aria-describedby="report-file-hint report-file-error"
        className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm"
      />
      <p id="report-file-hint" className="text-xs text-slate-500">
        {t("report.hint")}
      </p>
      <p id="report-file-error" className="text-xs text-red-600" aria-live="polite">
        {error}
      </p>
      <SubmitButton pendingLabel={t("report.uploading")} variant="secondary">
        {t("report.upload")}
      </SubmitButton>
      <FormMessage state={formOutcome(state)} />
    </form>
  );
}
