"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

type Failure = "invalid" | "locked" | "throttled" | "mfa_required" | "internal";

/**
 * Email and password, then (when enrolled) an authenticator or recovery code in the same form.
 * Signed in, it goes to the console, or to `onSignedIn` (the invitation page stays where it is).
 */
export function SignInForm({
  email,
  onSignedIn,
}: { email?: string; onSignedIn?: () => void } = {}) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [needCode, setNeedCode] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    setPending(true);
    // Cleared first, so the same answer twice is announced twice.
    setFailure(null);
    const result = await signIn("credentials", {
      redirect: false,
      email: form.get("email"),
      password: form.get("password"),
      code: form.get("code") ?? "",
    });
    setPending(false);
    if (result?.ok && !result.error) {
      if (onSignedIn) return onSignedIn();
      router.replace("/start");
      router.refresh();
      return;
    }
    const code = (result?.error ?? "internal") as Failure;
    if (code === "mfa_required") {
      setNeedCode(true);
      setFailure(null);
    } else {
      setFailure(["invalid", "locked", "throttled"].includes(code) ? code : "internal");
    }
  }

  return (
    <form
      // POST, never GET: a submit before hydration must not put the password in the URL.
      method="post"
      action="/api/auth/callback/credentials"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(new FormData(e.currentTarget));
      }}
    >
      <TextField
        name="email"
        type="email"
        label={t("email")}
        autoComplete="username"
        required
        defaultValue={email}
        readOnly={email !== undefined}
      />
      <TextField
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
      />
      {needCode && (
        <TextField
          name="code"
          label={t("code")}
          hint={t("codeHint")}
          autoComplete="one-time-code"
          inputMode="text"
          autoFocus
          required
        />
      )}
      <div aria-live="assertive">
        {failure && (
          <p
            role="alert"
            className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200"
          >
            {t(`failure.${failure}`)}
          </p>
        )}
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
