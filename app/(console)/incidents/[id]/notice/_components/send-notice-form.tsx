"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { sendNoticeAction } from "../actions";

/** Sends the previewed notice to everyone in the stored selection. */
export function SendNoticeForm({ incidentId, people }: { incidentId: string; people: string }) {
  const t = useTranslations("incidentAffected.notice");
  const [state, formAction] = useActionState(sendNoticeAction, idle);
  return (
    <form action={formAction} className="space-y-2" data-testid="send-notice-form">
      <input type="hidden" name="id" value={incidentId} />
      <p className="text-sm text-slate-700">{t("sendHelp", { people })}</p>
      <SubmitButton pendingLabel={t("sending")}>{t("send")}</SubmitButton>
      <FormMessage state={formOutcome(state)} />
    </form>
  );
}
