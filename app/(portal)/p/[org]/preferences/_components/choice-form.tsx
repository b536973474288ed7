"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";
import { idle } from "@/lib/core/actions/state";
import { changePreferenceAction } from "../actions";

/** One click: a form per purpose and choice, so agreeing and refusing take the same single step. */
export function ChoiceForm({
  org,
  purposeId,
  choice,
  label,
  variant,
}: {
  org: string;
  purposeId: string;
  choice: "grant" | "refuse";
  label: string;
  variant: ButtonVariant;
}) {
  const t = useTranslations("portal.preferences.buttons");
  const [state, formAction] = useActionState(changePreferenceAction, idle);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="purposeId" value={purposeId} />
      <input type="hidden" name="choice" value={choice} />
      <SubmitButton variant={variant} pendingLabel={t("pending")}>
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
