import { describe, expect, it } from "vitest";
import type { QuestionOption } from "@/db/schema/training";
import { drawQuestions, shuffled } from "./draw";
import { gradeAttempt } from "./grading";

const option = (correct: boolean): QuestionOption => ({ text: { "zh-CN": "x", en: "x" }, correct });
const options = new Map<string, QuestionOption[]>([
  ["single", [option(false), option(true), option(false)]],
  ["multi", [option(true), option(false), option(true), option(false)]],
]);
const drawn = [
  { questionId: "single", optionOrder: [2, 0, 1] },
  { questionId: "multi", optionOrder: [3, 1, 0, 2] },
];

describe("grading", () => {
  it("counts a question only when exactly its correct options are chosen, whatever order they were shown in", () => {
    expect(gradeAttempt(drawn, options, { single: [1], multi: [2, 0] }, 100)).toMatchObject({
      correctCount: 2,
      score: 100,
      passed: true,
    });
    // One of two correct options, or a wrong one added: no partial marks.
    expect(gradeAttempt(drawn, options, { single: [1], multi: [0] }, 50).score).toBe(50);
    expect(gradeAttempt(drawn, options, { single: [1], multi: [0, 1, 2] }, 50).score).toBe(50);
    expect(gradeAttempt(drawn, options, { single: [0], multi: [1] }, 50)).toMatchObject({
      score: 0,
      passed: false,
    });
  });

  it("rounds the score down, so a pass mark is never reached by rounding", () => {
    const three = [...drawn, { questionId: "single", optionOrder: [0, 1, 2] }];
    // 2 of 3 = 66.67 %: 66, below a pass mark of 67.
    const grade = gradeAttempt(three, options, { single: [1], multi: [3] }, 67);
    expect(grade.correctCount).toBe(2);
    expect(grade).toMatchObject({ score: 66, passed: false });
  });

  it("reports each question's correct options and what was chosen, for the explanation page", () => {
    const grade = gradeAttempt(drawn, options, { single: [2], multi: [0, 2] }, 80);
    expect(grade.questions).toEqual([
      { questionId: "single", chosen: [2], correctOptions: [1], correct: false },
      { questionId: "multi", chosen: [0, 2], correctOptions: [0, 2], correct: true },
    ]);
  });
});

describe("drawing questions", () => {
  const bank = Array.from({ length: 12 }, (_, i) => ({ id: `q${i}`, optionCount: 4 }));

  it("draws the asked number of distinct questions from the bank, each with every option once", () => {
    for (let run = 0; run < 50; run++) {
      const quiz = drawQuestions(bank, 8);
      expect(quiz).toHaveLength(8);
      expect(new Set(quiz.map((q) => q.questionId)).size).toBe(8);
      for (const q of quiz) expect([...q.optionOrder].sort()).toEqual([0, 1, 2, 3]);
    }
    expect(drawQuestions(bank.slice(0, 3), 8)).toHaveLength(3);
  });

  it("varies the questions, their order and the options' order between attempts", () => {
    const quizzes = Array.from({ length: 40 }, () => drawQuestions(bank, 8));
    const sets = new Set(
      quizzes.map((q) =>
        q
          .map((d) => d.questionId)
          .sort()
          .join(),
      ),
    );
    const orders = new Set(quizzes.map((q) => q.map((d) => d.questionId).join()));
    const optionOrders = new Set(quizzes.map((q) => q[0].optionOrder.join()));
    expect(sets.size).toBeGreaterThan(30);
    expect(orders.size).toBe(40);
    expect(optionOrders.size).toBeGreaterThan(5);
  });

  it("shuffles uniformly: every position of three items is about equally likely for each item", () => {
    const counts = Array.from({ length: 3 }, () => [0, 0, 0]);
    const runs = 30_000;
    for (let i = 0; i < runs; i++) shuffled([0, 1, 2]).forEach((item, pos) => counts[item][pos]++);
    for (const row of counts)
      for (const n of row) expect(Math.abs(n / runs - 1 / 3)).toBeLessThan(0.02);
  });

  it("uses the random source it is given (a fixed source gives a fixed draw)", () => {
    const first = () => 0;
    expect(drawQuestions(bank.slice(0, 3), 3, first).map((q) => q.questionId)).toEqual([
      "q1",
      "q2",
      "q0",
    ]);
  });
});
