"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckboxField, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle, type ActionState } from "@/lib/core/actions/state";

/** The server's four-eyes refusal arrives as a generic "forbidden"; say what it means here. */
function explained(state: ActionState, fourEyes: string): ActionState {
  return state.status === "error" && state.fieldErrors?.fourEyes
    ? { ...state, message: fourEyes }
    : state;
}

export function ApproveForm({
  action,
  id,
  canSchedule,
}: {
  action: ServerAction;
  id: string;
  canSchedule: boolean;
}) {
  const t = useTranslations("policies");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      {canSchedule && (
        <CheckboxField
          name="publishOnEffective"
          label={t("workflow.publishOnEffective")}
          hint={t("workflow.publishOnEffectiveHint")}
        />
      )}
      <SubmitButton pendingLabel={t("workflow.approving")}>{t("workflow.approve")}</SubmitButton>
      <FormMessage state={explained(state, t("workflow.fourEyes"))} />
    </form>
  );
}

export function RejectForm({ action, id }: { action: ServerAction; id: string }) {
  const t = useTranslations("policies");
  const [state, formAction] = useActionState(action, idle);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <TextAreaField
        name="note"
        label={t("workflow.rejectNote")}
        rows={2}
        required
        error={errors.note}
      />
      <SubmitButton variant="secondary" pendingLabel={t("workflow.rejecting")}>
        {t("workflow.reject")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
