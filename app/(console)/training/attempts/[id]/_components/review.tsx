import { getTranslations } from "next-intl/server";
import { localized } from "@/lib/core/i18n/localized-text";
import { cn } from "@/components/ui/cn";
import type { ReviewedQuestion } from "@/lib/training/quiz-view";

/** The graded attempt: each question, the options marked right and chosen, and the explanation. */
export async function Review({
  questions,
  locale,
}: {
  questions: ReviewedQuestion[];
  locale: string;
}) {
  const t = await getTranslations("training");
  return (
    <ol className="space-y-4" data-testid="review">
      {questions.map((q, n) => (
        <li
          key={q.id}
          className="rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200"
          data-correct={q.answeredRight}
        >
          <p className="mb-2 text-sm font-medium text-slate-900">
            {n + 1}. {localized(q.prompt, locale)}{" "}
            <span className={q.answeredRight ? "text-emerald-700" : "text-red-700"}>
              {q.answeredRight ? t("result.right") : t("result.wrong")}
            </span>
          </p>
          <ul className="space-y-1 text-sm">
            {q.options.map((o) => (
              <li
                key={o.index}
                className={cn(
                  "flex items-start gap-2 rounded px-2 py-1",
                  o.correct && "bg-emerald-50 text-emerald-900",
                  o.chosen && !o.correct && "bg-red-50 text-red-900",
                )}
              >
                <span aria-hidden className="w-4 shrink-0">
                  {o.chosen ? "●" : "○"}
                </span>
                <span>
                  {localized(o.text, locale)}
                  {o.correct && <span className="ml-2 text-xs">({t("result.correctOption")})</span>}
                  {o.chosen && <span className="ml-2 text-xs">({t("result.yourChoice")})</span>}
                </span>
              </li>
            ))}
          </ul>
          <p className="mt-2 rounded bg-slate-50 px-3 py-2 text-sm text-slate-700">
            <span className="font-medium">{t("result.explanation")}</span>{" "}
            {localized(q.explanation, locale)}
          </p>
        </li>
      ))}
    </ol>
  );
}
