"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FindingStatus } from "@/db/schema/security-tests";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

/** The next remediation step and its evidence (required for every step but starting remediation). */
export function StatusForm({
  action,
  findingId,
  next,
}: {
  action: ServerAction;
  findingId: string;
  next: readonly FindingStatus[];
}) {
  const t = useTranslations("securityTests");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="findingId" value={findingId} />
      <SelectField
        name="status"
        label={t("finding.nextStatus")}
        required
        defaultValue={fieldValue(state, "status", next[0])}
        error={fieldError(state, "status")}
        options={next.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
      />
      <TextAreaField
        name="evidence"
        label={t("finding.evidence")}
        hint={t("finding.evidenceHint")}
        maxLength={4000}
        defaultValue={fieldValue(state, "evidence")}
        error={fieldError(state, "evidence")}
      />
      <FormMessage state={formOutcome(state)} />
      <SubmitButton pendingLabel={t("saving")}>{t("finding.changeStatus")}</SubmitButton>
    </form>
  );
}
