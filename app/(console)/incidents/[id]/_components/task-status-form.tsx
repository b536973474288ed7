"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { incidentTaskStatuses } from "@/db/schema/incident-response";
import { setIncidentTaskStatusAction } from "../response/actions";

/** The owner (or an officer) moves a task along: open, in progress, done. */
export function TaskStatusForm({ taskId, status }: { taskId: string; status: string }) {
  const t = useTranslations("incidentResponse.tasks");
  const [state, formAction] = useActionState(setIncidentTaskStatusAction, idle);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="taskId" value={taskId} />
      <label className="sr-only" htmlFor={`status-${taskId}`}>
        {t("status")}
      </label>
      <select
        id={`status-${taskId}`}
        name="status"
        defaultValue={status}
        className="rounded-md border-slate-300 py-1 text-sm"
      >
        {incidentTaskStatuses.map((s) => (
          <option key={s} value={s}>
            {t(`statuses.${s}`)}
          </option>
        ))}
      </select>
      <SubmitButton pendingLabel="…" variant="secondary">
        {t("setStatus")}
      </SubmitButton>
      <FormMessage state={formOutcome(state)} />
    </form>
  );
}
