"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckboxGroup, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/core/actions/state";
import { saveReviewAction } from "../response/actions";

/** The post-incident review: cause, what worked, lessons and the risks it links. */
export function ReviewForm({
  incidentId,
  review,
  risks,
}: {
  incidentId: string;
  review?: { cause: string; whatWorked: string; lessons: string; riskIds: string[] };
  risks: Array<{ id: string; title: string }>;
}) {
  const t = useTranslations("incidentResponse.review");
  const [state, formAction] = useActionState(saveReviewAction, idle);
  return (
    <form action={formAction} noValidate className="space-y-3">
      <input type="hidden" name="incidentId" value={incidentId} />
      {(["cause", "whatWorked", "lessons"] as const).map((field) => (
        <TextAreaField
          key={field}
          id={`review-${field}`}
          name={field}
          label={t(field)}
          defaultValue={review?.[field]}
          error={fieldError(state, field)}
          required
          maxLength={4000}
          rows={3}
        />
      ))}
      {risks.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noRisks")}</p>
      ) : (
        <CheckboxGroup
          name="riskIds"
          label={t("risks")}
          error={fieldError(state, "riskIds")}
          options={risks.map((r) => ({ value: r.id, label: r.title }))}
          defaultValue={review?.riskIds}
        />
      )}
      <p className="text-xs text-slate-500">{t("actionsHint")}</p>
      <SubmitButton pendingLabel="…">{t("save")}</SubmitButton>
      <FormMessage state={formOutcome(state)} />
    </form>
  );
}
