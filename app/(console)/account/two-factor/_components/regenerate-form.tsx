"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/core/actions/state";
import { regenerateRecoveryCodesAction } from "../actions";
import { RecoveryCodesPanel } from "./recovery-codes-panel";

/** New recovery codes after a current authenticator code; shown until the person dismisses them. */
export function RegenerateForm({ account }: { account: string }) {
  const t = useTranslations("account");
  const router = useRouter();
  const [state, formAction] = useActionState(regenerateRecoveryCodesAction, idle);
  const [dismissed, setDismissed] = useState<ActionState | null>(null);
  if (state.status === "ok" && dismissed !== state) {
    const { codes } = state.data as { codes: string[] };
    const done = () => {
      setDismissed(state);
      router.refresh(); // the count of unused codes above
    };
    return (
      <RecoveryCodesPanel
        codes={codes}
        account={account}
        lead={t("recoveryCodes.regenerated")}
        doneLabel={t("recoveryCodes.done")}
        onDone={done}
      />
    );
  }
  const error = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4">
      <p className="text-sm text-slate-600">{t("twoFactor.regenerate.body")}</p>
      <div className="max-w-xs">
        <TextField
          name="code"
          label={t("twoFactor.regenerate.code")}
          error={error?.code}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          required
        />
      </div>
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingLabel={t("twoFactor.regenerate.pending")}>
        {t("twoFactor.regenerate.submit")}
      </SubmitButton>
    </form>
  );
}
