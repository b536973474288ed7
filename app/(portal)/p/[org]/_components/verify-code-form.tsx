"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import type { ActionState } from "@/lib/core/actions/state";
import type { PortalPurpose } from "@/lib/portal/session";
import { restartAction, verifyCodeAction } from "../identity/actions";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** Step 2: the six digits (the challenge id is in an HttpOnly cookie), or start again. A guardian's step passes its own actions and words. */
export function VerifyCodeForm({
  org,
  purpose,
  verify = verifyCodeAction,
  again = restartAction,
  texts = "portal.identity.verify",
}: {
  org: string;
  purpose: PortalPurpose;
  verify?: Action;
  again?: Action;
  texts?: "portal.identity.verify" | "portal.guardian.verify";
}) {
  const t = useTranslations(texts);
  const [state, formAction] = useActionState(verify, idle);
  const [, restart] = useActionState(again, idle);
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4">
        <input type="hidden" name="org" value={org} />
        <input type="hidden" name="purpose" value={purpose} />
        <TextField
          name="code"
          label={t("code")}
          error={fieldError(state, "code")}
          required
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          className="max-w-40 tracking-widest"
        />
        <FormMessage state={formOutcome(state)} />
        <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
      </form>
      <form action={restart}>
        <input type="hidden" name="org" value={org} />
        <input type="hidden" name="purpose" value={purpose} />
        <button type="submit" className="text-sm font-medium text-brand-700 underline">
          {t("restart")}
        </button>
      </form>
    </div>
  );
}
