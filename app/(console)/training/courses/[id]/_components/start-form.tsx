"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

/** Starts (or resumes) the quiz: the questions are drawn on the server. */
export function StartForm({
  action,
  courseId,
  mode,
}: {
  action: ServerAction;
  courseId: string;
  mode: "start" | "resume" | "retry";
}) {
  const t = useTranslations("training");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="courseId" value={courseId} />
      <SubmitButton pendingLabel={t("course.starting")}>{t(`course.${mode}`)}</SubmitButton>
      <FormMessage state={formOutcome(state)} />
    </form>
  );
}
