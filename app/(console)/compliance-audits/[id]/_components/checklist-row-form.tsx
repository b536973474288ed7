"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { fieldError, fieldValue } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { checklistResults, type ChecklistResult } from "@/db/schema/compliance-audits";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

/** One checklist item's result and note, saved on its own. */
export function ChecklistRowForm({
  action,
  auditId,
  itemId,
  label,
  result,
  note,
}: {
  action: ServerAction;
  auditId: string;
  itemId: string;
  label: string;
  result: ChecklistResult;
  note: string | null;
}) {
  const t = useTranslations("complianceAudits");
  const [state, formAction] = useActionState(action, idle);
  const error = fieldError(state, "result") ?? fieldError(state, "note");
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="auditId" value={auditId} />
      <input type="hidden" name="itemId" value={itemId} />
      <select
        name="result"
        aria-label={t("checklist.resultFor", { requirement: label })}
        defaultValue={fieldValue(state, "result", result)}
        className="rounded-md border-slate-300 py-1 text-sm"
      >
        {checklistResults.map((r) => (
          <option key={r} value={r}>
            {t(`checklist.results.${r}`)}
          </option>
        ))}
      </select>
      <input
        name="note"
        aria-label={t("checklist.noteFor", { requirement: label })}
        defaultValue={fieldValue(state, "note", note ?? "")}
        maxLength={2000}
        placeholder={t("checklist.note")}
        className="w-48 rounded-md border-slate-300 py-1 text-sm"
      />
      <SubmitButton variant="secondary" pendingLabel={t("saving")}>
        {t("checklist.save")}
      </SubmitButton>
      <span aria-live="polite" className="text-xs">
        {state.status === "error" ? (
          <span className="text-red-600">{error ?? state.message}</span>
        ) : state.status === "ok" ? (
          <span className="text-emerald-700">{state.message}</span>
        ) : null}
      </span>
    </form>
  );
}
