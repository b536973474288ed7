"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

/** Links one more finding or vendor to the risk. */
export function LinkForm({
  action,
  riskId,
  kind,
  options,
}: {
  action: ServerAction;
  riskId: string;
  kind: "finding" | "vendor";
  options: Array<{ value: string; label: string }>;
}) {
  const t = useTranslations("risks");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={riskId} />
      <input type="hidden" name="kind" value={kind} />
      <SelectField
        name="targetId"
        id={`link-${kind}`}
        label={t(`links.add.${kind}`)}
        required
        defaultValue=""
        error={fieldError(state, "targetId")}
        options={[{ value: "", label: t("choose") }, ...options]}
      />
      <FormMessage state={formOutcome(state)} />
      <SubmitButton pendingLabel={t("saving")} variant="secondary">
        {t("links.link")}
      </SubmitButton>
    </form>
  );
}
