import type { LocalizedText } from "@/db/schema/policies";
import type { QuestionKind, trainingAttempts, trainingQuestions } from "@/db/schema/training";

type Attempt = typeof trainingAttempts.$inferSelect;
type Question = typeof trainingQuestions.$inferSelect;

/** A question as the learner sees it before submitting: no correct marks, no explanation. */
export interface QuizQuestion {
  id: string;
  kind: QuestionKind;
  prompt: LocalizedText;
  /** In the order drawn for this attempt; `index` is the option's place in the question. */
  options: Array<{ index: number; text: LocalizedText }>;
}

/** The same question after submitting: what was right, what was chosen and why. */
export interface ReviewedQuestion extends QuizQuestion {
  options: Array<{ index: number; text: LocalizedText; correct: boolean; chosen: boolean }>;
  explanation: LocalizedText;
  answeredRight: boolean;
}

function drawnQuestions(attempt: Attempt, questions: readonly Question[]) {
  const byId = new Map(questions.map((q) => [q.id, q]));
  return attempt.drawn.flatMap((d) => {
    const q = byId.get(d.questionId);
    return q ? [{ q, order: d.optionOrder }] : [];
  });
}

/**
 * What the quiz page may send to the browser for an open attempt. Built field by field, so a
 * correct mark or an explanation cannot reach the client before the attempt is graded.
 */
export function quizView(attempt: Attempt, questions: readonly Question[]): QuizQuestion[] {
  return drawnQuestions(attempt, questions).map(({ q, order }) => ({
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    options: order.map((index) => ({ index, text: q.options[index].text })),
  }));
}

/** The graded attempt, question by question, for the results page. */
export function reviewView(attempt: Attempt, questions: readonly Question[]): ReviewedQuestion[] {
  const answers = attempt.answers ?? {};
  return drawnQuestions(attempt, questions).map(({ q, order }) => {
    const chosen = new Set(answers[q.id] ?? []);
    const options = order.map((index) => ({
      index,
      text: q.options[index].text,
      correct: q.options[index].correct,
      chosen: chosen.has(index),
    }));
    return {
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      options,
      explanation: q.explanation,
      answeredRight: options.every((o) => o.correct === o.chosen),
    };
  });
}
