"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValue, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

/** A lesson's title and Markdown body in both languages; without `lessonId`, a new lesson. */
export function LessonForm({
  action,
  courseId,
  lessonId,
  initial,
}: {
  action: ServerAction;
  courseId: string;
  lessonId?: string;
  initial: { titleZh: string; titleEn: string; bodyZh: string; bodyEn: string };
}) {
  const t = useTranslations("training");
  const [state, formAction] = useActionState(action, idle);
  const prefix = lessonId ?? "new-lesson";
  const field = (name: string, fallback: string) => ({
    name,
    id: `${prefix}-${name}`,
    label: t(`lessonForm.${name}`),
    defaultValue: fieldValue(state, name, fallback),
    error: fieldError(state, name),
  });
  return (
    <form action={formAction} noValidate className="space-y-3">
      <input type="hidden" name="courseId" value={courseId} />
      {lessonId && <input type="hidden" name="id" value={lessonId} />}
      <div className="grid gap-3 md:grid-cols-2">
        <TextField {...field("titleZh", initial.titleZh)} required maxLength={120} />
        <TextField {...field("titleEn", initial.titleEn)} required maxLength={120} />
        <TextAreaField {...field("bodyZh", initial.bodyZh)} required rows={10} maxLength={20000} />
        <TextAreaField {...field("bodyEn", initial.bodyEn)} required rows={10} maxLength={20000} />
      </div>
      <p className="text-xs text-slate-500">{t("lessonForm.markdownHint")}</p>
      <FormMessage state={formOutcome(state)} />
      <SubmitButton pendingLabel={t("saving")}>
        {lessonId ? t("save") : t("lessonForm.add")}
      </SubmitButton>
    </form>
  );
}
