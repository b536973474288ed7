"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { acceptNewAccountAction } from "../actions";

/**
 * A new address sets up its account (name and its own password) and joins. It is then signed in
 * with that password, and the console's usual first-sign-in rules apply (a second factor for the
 * roles that require one).
 */
export function NewAccountForm({ org, token, name }: { org: string; token: string; name: string }) {
  const t = useTranslations("invitation");
  const account = useTranslations("account.password");
  const router = useRouter();
  const [state, formAction] = useActionState(acceptNewAccountAction, idle);
  // Kept only between the submit and the sign-in that follows it.
  const password = useRef("");
  useEffect(() => {
    if (state.status !== "ok") return;
    const { email } = state.data as { email: string };
    void signIn("credentials", {
      redirect: false,
      email,
      password: password.current,
      code: "",
    }).then((result) => {
      password.current = "";
      router.replace(result?.ok && !result.error ? "/" : "/sign-in");
      router.refresh();
    });
  }, [state, router]);
  return (
    <form
      action={formAction}
      onSubmit={(e) =>
        void (password.current = String(new FormData(e.currentTarget).get("password") ?? ""))
      }
      className="space-y-4"
      noValidate
    >
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-slate-600">{t("newAccountBody")}</p>
      <TextField
        name="name"
        label={t("name")}
        required
        autoComplete="name"
        maxLength={100}
        defaultValue={fieldValue(state, "name", name)}
        error={fieldError(state, "name")}
      />
      <TextField
        name="password"
        type="password"
        label={t("password")}
        hint={account("newHint")}
        required
        autoComplete="new-password"
        error={fieldError(state, "password")}
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t("confirmPassword")}
        required
        autoComplete="new-password"
        error={fieldError(state, "confirmPassword")}
      />
      <FormMessage
        state={state.status === "ok" ? { status: "ok", message: t("joined") } : formOutcome(state)}
      />
      <SubmitButton pendingLabel={t("accepting")}>{t("createAndAccept")}</SubmitButton>
    </form>
  );
}
