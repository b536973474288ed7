"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import type { PortalPurpose } from "@/lib/portal/session";
import { restartAction, verifyCodeAction } from "../identity/actions";

/** Step 2: the six digits (the challenge id is in an HttpOnly cookie), or start again. */
export function VerifyCodeForm({ org, purpose }: { org: string; purpose: PortalPurpose }) {
  const t = useTranslations("portal.identity.verify");
  const [state, formAction] = useActionState(verifyCodeAction, idle);
  const [, restart] = useActionState(restartAction, idle);
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4">
        <input type="hidden" name="org" value={org} />
        <input type="hidden" name="purpose" value={purpose} />
        <TextField
          name="code" label={t("code")} error={fieldError(state, "code")} required
          inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} className="max-w-40 tracking-widest"
        />
        <FormMessage state={formOutcome(state)} />
        <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
      </form>
      <form action={restart}>
        <input type="hidden" name="org" value={org} />
        <input type="hidden" name="purpose" value={purpose} />
        <button type="submit" className="text-sm font-medium text-brand-700 underline">{t("restart")}</button>
      </form>
    </div>
  );
}
