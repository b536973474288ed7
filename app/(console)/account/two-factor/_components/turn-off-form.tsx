"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { turnOffTwoFactorAction } from "../actions";

/** Offered only to people whose roles do not require a second factor. */
export function TurnOffForm() {
  const t = useTranslations("account.twoFactor.turnOff");
  const [state, formAction] = useActionState(turnOffTwoFactorAction, idle);
  const error = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4">
      <p className="text-sm text-slate-600">{t("body")}</p>
      <div className="max-w-xs">
        <TextField
          name="turnOffCode"
          label={t("code")}
          error={error?.turnOffCode}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          required
        />
      </div>
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingLabel={t("pending")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
