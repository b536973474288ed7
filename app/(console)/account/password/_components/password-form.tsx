"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { changePasswordAction } from "../actions";

/** Current password (re-authentication), the new one twice. Passwords are never echoed back. */
export function PasswordForm({ account, firstSignIn }: { account: string; firstSignIn: boolean }) {
  const t = useTranslations("account.password");
  const [state, formAction] = useActionState(changePasswordAction, idle);
  const error = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="max-w-md space-y-4">
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={account} readOnly hidden />
      <TextField
        name="currentPassword"
        type="password"
        label={t("current")}
        hint={firstSignIn ? t("firstSignInCurrentHint") : undefined}
        error={error?.currentPassword}
        autoComplete="current-password"
        required
      />
      <TextField
        name="newPassword"
        type="password"
        label={t("new")}
        hint={t("newHint")}
        error={error?.newPassword}
        autoComplete="new-password"
        required
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t("confirm")}
        error={error?.confirmPassword}
        autoComplete="new-password"
        required
      />
      <p className="text-sm text-slate-500">{t("signOutNote")}</p>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
