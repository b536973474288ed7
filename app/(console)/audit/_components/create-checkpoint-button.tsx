"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { createCheckpointAction } from "../actions";

/** Signs the current chain head now, without waiting for the hourly job. */
export function CreateCheckpointButton() {
  const t = useTranslations("audit");
  const [state, formAction] = useActionState(createCheckpointAction, idle);
  return (
    <form action={formAction} className="space-y-2">
      <SubmitButton pendingLabel={t("checkpoints.creating")} variant="secondary">
        {t("checkpoints.create")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
