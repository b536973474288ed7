"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { fieldError, fieldValues, formOutcome } from "@/components/ui/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";

export interface QuizFormQuestion {
  id: string;
  kind: "single" | "multiple";
  prompt: string;
  options: Array<{ index: number; text: string }>;
}

/**
 * The quiz: one fieldset per question, radio buttons for single choice and checkboxes for
 * multiple. It holds no answers: the server grades what is sent. After a refused submission (a
 * question left unanswered) the choices made are ticked again from the values sent back.
 */
export function QuizForm({
  action,
  attemptId,
  questions,
}: {
  action: ServerAction;
  attemptId: string;
  questions: QuizFormQuestion[];
}) {
  const t = useTranslations("training");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} noValidate className="space-y-4" data-testid="quiz">
      <input type="hidden" name="attemptId" value={attemptId} />
      <FormMessage state={formOutcome(state)} />
      <ol className="space-y-4">
        {questions.map((q, n) => {
          const name = `answers.${q.id}`;
          const error = fieldError(state, name);
          const chosen = fieldValues(state, name, []);
          return (
            <li key={q.id}>
              <fieldset
                className="rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200"
                aria-describedby={`${q.id}-error`}
                aria-invalid={error ? true : undefined}
              >
                <legend className="float-left mb-2 w-full text-sm font-medium text-slate-900">
                  {n + 1}. {q.prompt}{" "}
                  <span className="font-normal text-slate-500">
                    ({q.kind === "single" ? t("quiz.single") : t("quiz.multiple")})
                  </span>
                </legend>
                <div className="clear-both space-y-1.5">
                  {q.options.map((o) => (
                    <label key={o.index} className="flex items-start gap-2 text-sm text-slate-800">
                      <input
                        type={q.kind === "single" ? "radio" : "checkbox"}
                        name={`${name}[]`}
                        value={o.index}
                        defaultChecked={chosen.includes(String(o.index))}
                        className="mt-0.5 size-4 border-slate-300 text-brand-600"
                      />
                      <span>{o.text}</span>
                    </label>
                  ))}
                </div>
                <p id={`${q.id}-error`} className="mt-1 text-xs text-red-600" aria-live="polite">
                  {error}
                </p>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <SubmitButton pendingLabel={t("quiz.submitting")}>{t("quiz.submit")}</SubmitButton>
    </form>
  );
}
