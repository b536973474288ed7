"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { findingPriorities } from "@/db/schema/security-tests";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";

/** A new finding: its deadline is not a field, the server computes it from the priority. */
export function FindingForm({
  action,
  assessmentId,
  members,
  periods,
  today,
}: {
  action: ServerAction;
  assessmentId: string;
  members: Array<{ userId: string; name: string }>;
  periods: Record<string, number>;
  today: string;
}) {
  const t = useTranslations("securityTests");
  const [state, formAction] = useActionState(action, idle);
  const form = useFocusFirstError(state);
  return (
    <form ref={form} action={formAction} className="space-y-4">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <TextField
            name="title"
            label={t("finding.title")}
            required
            maxLength={200}
            defaultValue={fieldValue(state, "title")}
            error={fieldError(state, "title")}
          />
        </div>
        <div className="sm:col-span-2">
          <TextAreaField
            name="description"
            label={t("finding.description")}
            maxLength={4000}
            defaultValue={fieldValue(state, "description")}
            error={fieldError(state, "description")}
          />
        </div>
        <SelectField
          name="priority"
          label={t("finding.priority")}
          required
          defaultValue={fieldValue(state, "priority", "P2")}
          error={fieldError(state, "priority")}
          hint={t("finding.priorityHint", {
            p1: periods.P1,
            p2: periods.P2,
            p3: periods.P3,
            p4: periods.P4,
          })}
          options={findingPriorities.map((p) => ({ value: p, label: t(`priorities.${p}`) }))}
        />
        <TextField
          name="cvssScore"
          type="number"
          step="0.1"
          min="0"
          max="10"
          label={t("finding.cvss")}
          hint={t("finding.cvssHint")}
          defaultValue={fieldValue(state, "cvssScore")}
          error={fieldError(state, "cvssScore")}
        />
        <TextField
          name="foundOn"
          type="date"
          max={today}
          label={t("finding.foundOn")}
          required
          defaultValue={fieldValue(state, "foundOn", today)}
          error={fieldError(state, "foundOn")}
        />
        <SelectField
          name="ownerId"
          label={t("finding.owner")}
          required
          defaultValue={fieldValue(state, "ownerId", "")}
          error={fieldError(state, "ownerId")}
          options={[
            { value: "", label: t("choose") },
            ...members.map((m) => ({ value: m.userId, label: m.name })),
          ]}
        />
      </div>
      <FormMessage state={formOutcome(state)} />
      <SubmitButton pendingLabel={t("saving")}>{t("finding.add")}</SubmitButton>
    </form>
  );
}
