"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Card } from "@/components/ui/card";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { incidentGrades, type incidents } from "@/db/schema/incidents";
import { idle } from "@/lib/core/actions/state";
import { confirmGradeAction } from "../actions";

type Incident = typeof incidents.$inferSelect;

/** The CAC grade: the proposal from the figures, confirmed (or changed) by the officer with a reason. */
export function GradeForm({ incident: i }: { incident: Incident }) {
  const t = useTranslations("incidents");
  const [state, formAction] = useActionState(confirmGradeAction, idle);
  return (
    <Card title={t("gradeForm.title")}>
      <p className="mb-3 text-sm text-slate-700" data-testid="proposed-grade">
        {i.proposedGrade
          ? t("gradeForm.proposed", { grade: t(`grade.${i.proposedGrade}`) })
          : t("gradeForm.noProposal")}
      </p>
      <form action={formAction} noValidate className="space-y-3">
        <input type="hidden" name="id" value={i.id} />
        <SelectField
          id="grade"
          name="grade"
          label={t("gradeForm.grade")}
          required
          error={fieldError(state, "grade")}
          defaultValue={fieldValue(state, "grade", i.grade ?? i.proposedGrade ?? "general")}
          options={incidentGrades.map((g) => ({ value: g, label: t(`grade.${g}`) }))}
        />
        <TextAreaField
          id="grade-reason"
          name="reason"
          label={t("gradeForm.reason")}
          required
          error={fieldError(state, "reason")}
          defaultValue={fieldValue(state, "reason", "")}
          maxLength={2000}
        />
        <SubmitButton pendingLabel={t("saving")}>{t("gradeForm.confirm")}</SubmitButton>
        <FormMessage state={formOutcome(state)} />
      </form>
    </Card>
  );
}
