import type { AttemptAnswers, DrawnQuestion, QuestionOption } from "@/db/schema/training";

export interface GradedQuestion {
  questionId: string;
  chosen: number[];
  correctOptions: number[];
  correct: boolean;
}

export interface Grade {
  questions: GradedQuestion[];
  correctCount: number;
  /** Whole percent of the questions answered exactly right. */
  score: number;
  passed: boolean;
}

/** The indexes of a question's correct options. */
export const correctOptionsOf = (options: readonly QuestionOption[]) =>
  options.flatMap((o, i) => (o.correct ? [i] : []));

/**
 * Grades an attempt: a question counts only when the chosen options are exactly its correct ones
 * (for multiple choice, all of them and nothing else; no partial marks). The score is the share of
 * questions right, rounded down, so a pass mark of 80 is never reached by rounding up.
 */
export function gradeAttempt(
  drawn: readonly DrawnQuestion[],
  options: ReadonlyMap<string, readonly QuestionOption[]>,
  answers: AttemptAnswers,
  passMark: number,
): Grade {
  const questions = drawn.map(({ questionId }) => {
    const correctOptions = correctOptionsOf(options.get(questionId) ?? []);
    const chosen = [...new Set(answers[questionId] ?? [])].sort((a, b) => a - b);
    const correct =
      chosen.length === correctOptions.length && chosen.every((c, i) => c === correctOptions[i]);
    return { questionId, chosen, correctOptions, correct };
  });
  const correctCount = questions.filter((q) => q.correct).length;
  const score = drawn.length === 0 ? 0 : Math.floor((correctCount * 100) / drawn.length);
  return { questions, correctCount, score, passed: score >= passMark };
}
