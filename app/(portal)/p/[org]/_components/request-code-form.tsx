"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import type { ActionState } from "@/lib/core/actions/state";
import type { PortalPurpose } from "@/lib/portal/session";
import { requestCodeAction } from "../identity/actions";

/**
 * Step 1: phone (default) or email. The contact travels in a POST body only, never a URL. The
 * identity step by default; a minor's guardian gets the same form with their own action and words.
 */
export function RequestCodeForm({
  org,
  purpose,
  action = requestCodeAction,
  texts = "portal.identity.request",
}: {
  org: string;
  purpose: PortalPurpose;
  action?: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  texts?: "portal.identity.request" | "portal.guardian.request";
}) {
  const t = useTranslations(texts);
  const [state, formAction] = useActionState(action, idle);
  const [channel, setChannel] = useState(fieldValue(state, "channel", "sms"));
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="purpose" value={purpose} />
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-slate-700">{t("channel")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-1">
          {(["sms", "email"] as const).map((c) => (
            <label key={c} className="inline-flex items-center gap-2 text-sm text-slate-700">
              <input
                type="radio"
                name="channel"
                value={c}
                checked={channel === c}
                onChange={() => setChannel(c)}
                className="size-4 border-slate-300 text-brand-600"
              />
              {t(c)}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        key={channel}
        name="contact"
        label={channel === "email" ? t("emailLabel") : t("phone")}
        hint={channel === "email" ? undefined : t("phoneHint")}
        type={channel === "email" ? "email" : "tel"}
        inputMode={channel === "email" ? "email" : "tel"}
        autoComplete={channel === "email" ? "email" : "tel"}
        defaultValue={fieldValue(state, "contact")}
        error={fieldError(state, "contact")}
        required
      />
      <FormMessage state={formOutcome(state)} />
      <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
