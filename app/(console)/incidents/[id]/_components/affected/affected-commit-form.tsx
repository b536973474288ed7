"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { commitAffectedAction } from "../../affected/actions";

/** Stores the counted selection with the incident: its laws and count then decide the clocks and the grade. */
export function AffectedCommitForm({ incidentId, setId }: { incidentId: string; setId: string }) {
  const t = useTranslations("incidentAffected");
  const [state, formAction] = useActionState(commitAffectedAction, idle);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={incidentId} />
      <input type="hidden" name="setId" value={setId} />
      <p className="text-xs text-slate-600">{t("commitHelp")}</p>
      <SubmitButton pendingLabel={t("committing")}>{t("commit")}</SubmitButton>
      <FormMessage state={formOutcome(state)} />
    </form>
  );
}
