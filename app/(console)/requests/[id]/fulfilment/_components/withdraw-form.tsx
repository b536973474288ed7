"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckboxGroup } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { withdrawConsentAction } from "../actions";

/** Choose the purposes the requester withdraws from or objects to; recorded as consent receipts. */
export function WithdrawForm({
  requestId,
  purposes,
  labels,
}: {
  requestId: string;
  purposes: Array<{ value: string; label: string }>;
  labels: { choose: string; submit: string };
}) {
  const t = useTranslations("fulfilment");
  const [state, formAction] = useActionState(withdrawConsentAction, idle);
  return (
    <form action={formAction} noValidate className="space-y-3">
      <input type="hidden" name="requestId" value={requestId} />
      <FormMessage state={formOutcome(state)} />
      <CheckboxGroup
        name="purposeIds"
        label={labels.choose}
        options={purposes}
        error={fieldError(state, "purposeIds")}
      />
      <SubmitButton pendingLabel={t("saving")}>{labels.submit}</SubmitButton>
    </form>
  );
}
