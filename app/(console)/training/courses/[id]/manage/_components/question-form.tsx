"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, fieldValues, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

const ROWS = 6;

/** A new question: prompt, up to six options in both languages with their correct marks, explanation. */
export function QuestionForm({ action, courseId }: { action: ServerAction; courseId: string }) {
  const t = useTranslations("training");
  const [state, formAction] = useActionState(action, idle);
  const zh = fieldValues(state, "optionZh", []);
  const en = fieldValues(state, "optionEn", []);
  const correct = fieldValues(state, "correct", []);
  const field = (name: string) => ({
    name,
    id: `question-${name}`,
    label: t(`questionForm.${name}`),
    defaultValue: fieldValue(state, name, ""),
    error: fieldError(state, name),
  });
  return (
    <form action={formAction} noValidate className="space-y-3" data-testid="question-form">
      <input type="hidden" name="courseId" value={courseId} />
      <SelectField
        {...field("kind")}
        defaultValue={fieldValue(state, "kind", "single")}
        options={[
          { value: "single", label: t("quiz.single") },
          { value: "multiple", label: t("quiz.multiple") },
        ]}
      />
      <div className="grid gap-3 md:grid-cols-2">
        <TextAreaField {...field("promptZh")} required maxLength={500} rows={2} />
        <TextAreaField {...field("promptEn")} required maxLength={500} rows={2} />
      </div>
      <fieldset className="space-y-2" aria-describedby="question-options-error">
        <legend className="text-sm font-medium text-slate-700">{t("questionForm.options")}</legend>
        {Array.from({ length: ROWS }, (_, i) => (
          <div key={i} className="grid items-center gap-2 md:grid-cols-[auto_1fr_1fr]">
            <label className="inline-flex items-center gap-1.5 text-sm text-slate-700">
              <input
                type="checkbox"
                name="correct[]"
                value={i}
                defaultChecked={correct.includes(String(i))}
                className="size-4 rounded border-slate-300 text-brand-600"
              />
              {t("questionForm.correct", { n: i + 1 })}
            </label>
            <TextField
              name="optionZh[]"
              id={`question-option-zh-${i}`}
              label={t("questionForm.optionZh", { n: i + 1 })}
              defaultValue={zh[i] ?? ""}
              maxLength={300}
            />
            <TextField
              name="optionEn[]"
              id={`question-option-en-${i}`}
              label={t("questionForm.optionEn", { n: i + 1 })}
              defaultValue={en[i] ?? ""}
              maxLength={300}
            />
          </div>
        ))}
        <p id="question-options-error" className="text-xs text-red-600" aria-live="polite">
          {fieldError(state, "options") ?? fieldError(state, "correct")}
        </p>
      </fieldset>
      <div className="grid gap-3 md:grid-cols-2">
        <TextAreaField {...field("explanationZh")} required maxLength={1000} rows={2} />
        <TextAreaField {...field("explanationEn")} required maxLength={1000} rows={2} />
      </div>
      <FormMessage state={formOutcome(state)} />
      <SubmitButton pendingLabel={t("saving")}>{t("questionForm.add")}</SubmitButton>
    </form>
  );
}
