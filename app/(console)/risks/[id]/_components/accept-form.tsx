"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

/** The approver accepts the risk until a date, after which it is flagged as expired. */
export function AcceptForm({
  action,
  riskId,
  defaultExpiry,
  min,
}: {
  action: ServerAction;
  riskId: string;
  defaultExpiry: string;
  min: string;
}) {
  const t = useTranslations("risks");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={riskId} />
      <TextField
        name="expiresOn"
        type="date"
        min={min}
        label={t("acceptance.expiresOn")}
        hint={t("acceptance.expiresHint")}
        required
        defaultValue={fieldValue(state, "expiresOn", defaultExpiry)}
        error={fieldError(state, "expiresOn")}
      />
      <FormMessage state={formOutcome(state)} />
      <SubmitButton pendingLabel={t("saving")}>{t("acceptance.accept")}</SubmitButton>
    </form>
  );
}
