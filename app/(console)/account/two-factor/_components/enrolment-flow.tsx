"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, type ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { confirmEnrolmentAction } from "../actions";
import { RecoveryCodesPanel } from "./recovery-codes-panel";

/**
 * Set-up instructions (rendered on the server) and the confirm form; once confirmed, the same
 * place shows the recovery codes, which exist only in this component's state. The page is not
 * re-rendered in between: that would issue a new secret under the person's feet.
 */
export function EnrolmentFlow({
  token,
  account,
  notice,
  children,
}: {
  token: string;
  account: string;
  notice?: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations("account");
  const router = useRouter();
  const [state, formAction] = useActionState(confirmEnrolmentAction, idle);
  if (state.status === "ok") {
    const { codes } = state.data as { codes: string[] };
    const done = () => {
      // A full refresh so the shell picks up what the person may now see.
      router.replace("/");
      router.refresh();
    };
    return (
      <Card>
        <RecoveryCodesPanel
          codes={codes}
          account={account}
          lead={t("recoveryCodes.enrolled")}
          doneLabel={t("recoveryCodes.continue")}
          onDone={done}
        />
      </Card>
    );
  }
  const error = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <>
      {notice}
      <Card title={t("twoFactor.setup.title")}>
        <div className="space-y-6">
          {children}
          <form action={formAction} className="space-y-4 border-t border-slate-100 pt-5">
            <input type="hidden" name="token" value={token} />
            <div className="max-w-xs">
              <TextField
                name="code"
                label={t("twoFactor.setup.code")}
                hint={t("twoFactor.setup.codeHint")}
                error={error?.code}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={8}
                required
              />
            </div>
            <FormMessage state={state} />
            <SubmitButton pendingLabel={t("twoFactor.setup.confirming")}>
              {t("twoFactor.setup.confirm")}
            </SubmitButton>
          </form>
        </div>
      </Card>
    </>
  );
}
