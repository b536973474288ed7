"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Card } from "@/components/ui/card";
import { CheckboxGroup, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, fieldValues, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

export interface CourseFormValues {
  id?: string;
  code: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  passMark: string;
  questionsPerAttempt: string;
  policyDocumentIds: string[];
}

/** A course's settings, both languages side by side, and the policy documents that reassign it. */
export function CourseForm({
  action,
  initial,
  documents,
}: {
  action: ServerAction;
  initial: CourseFormValues;
  documents: Array<{ id: string; title: string }>;
}) {
  const t = useTranslations("training");
  const [state, formAction] = useActionState(action, idle);
  const field = (name: keyof CourseFormValues) => ({
    name,
    label: t(`courseForm.${name}`),
    defaultValue: fieldValue(state, name, initial[name] as string),
    error: fieldError(state, name),
  });
  return (
    <form action={formAction} noValidate className="space-y-4" data-testid="course-form">
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <Card>
        <div className="grid gap-4 md:grid-cols-2">
          <TextField {...field("code")} required maxLength={48} hint={t("courseForm.codeHint")} />
          <div className="grid grid-cols-2 gap-4">
            <TextField {...field("passMark")} type="number" min={1} max={100} required />
            <TextField {...field("questionsPerAttempt")} type="number" min={1} max={50} required />
          </div>
          <TextField {...field("titleZh")} required maxLength={120} />
          <TextField {...field("titleEn")} required maxLength={120} />
          <TextAreaField {...field("descriptionZh")} required maxLength={1000} />
          <TextAreaField {...field("descriptionEn")} required maxLength={1000} />
          <div className="md:col-span-2">
            <CheckboxGroup
              name="policyDocumentIds"
              label={t("courseForm.policyDocumentIds")}
              options={documents.map((d) => ({ value: d.id, label: d.title }))}
              defaultValue={fieldValues(state, "policyDocumentIds", initial.policyDocumentIds)}
              error={fieldError(state, "policyDocumentIds")}
            />
            <p className="mt-1 text-xs text-slate-500">{t("courseForm.policyHint")}</p>
          </div>
        </div>
      </Card>
      <FormMessage state={formOutcome(state)} />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
