"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { findingPriorities } from "@/db/schema/security-tests";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

export function PeriodsForm({
  action,
  periods,
}: {
  action: ServerAction;
  periods: Record<string, number>;
}) {
  const t = useTranslations("securityTests");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-4">
        {findingPriorities.map((p) => (
          <TextField
            key={p}
            name={p}
            type="number"
            min="1"
            max="730"
            required
            label={t("periods.days", { priority: t(`priorities.${p}`) })}
            defaultValue={fieldValue(state, p, String(periods[p]))}
            error={fieldError(state, p)}
          />
        ))}
      </div>
      <FormMessage state={formOutcome(state)} />
      <SubmitButton pendingLabel={t("saving")}>{t("periods.save")}</SubmitButton>
    </form>
  );
}
