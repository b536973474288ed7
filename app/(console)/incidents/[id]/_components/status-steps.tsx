"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Card } from "@/components/ui/card";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { IncidentStatus } from "@/db/schema/incidents";
import { idle } from "@/lib/core/actions/state";
import { nextStatuses } from "@/lib/incidents/transitions";
import { moveIncidentAction } from "../actions";

/** The workflow's next steps from here; dismissing asks for the reason. */
export function StatusSteps({ id, status }: { id: string; status: IncidentStatus }) {
  const t = useTranslations("incidents");
  const [state, formAction] = useActionState(moveIncidentAction, idle);
  const steps = nextStatuses[status];
  return (
    <Card title={t("steps.title")}>
      <p className="mb-3 text-sm text-slate-700">
        {t("steps.now", { status: t(`status.${status}`) })}
      </p>
      {steps.length === 0 ? null : (
        <form action={formAction} noValidate className="space-y-3">
          <input type="hidden" name="id" value={id} />
          {steps.includes("dismissed") && (
            <TextAreaField
              id="dismiss-reason"
              name="reason"
              label={t("steps.dismissReason")}
              error={fieldError(state, "reason")}
              maxLength={2000}
            />
          )}
          <div className="flex flex-wrap gap-2">
            {steps.map((to) => (
              <SubmitButton
                key={to}
                name="to"
                value={to}
                variant={to === "dismissed" ? "secondary" : "primary"}
                pendingLabel={t("saving")}
              >
                {t(`steps.to.${to}`)}
              </SubmitButton>
            ))}
          </div>
          <FormMessage state={formOutcome(state)} />
        </form>
      )}
    </Card>
  );
}
