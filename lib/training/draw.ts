import { randomInt } from "node:crypto";
import type { DrawnQuestion } from "@/db/schema/training";

/** A uniform integer in [0, max): the CSPRNG by default, a seeded source in tests. */
export type RandomInt = (max: number) => number;

/** Fisher–Yates: every order equally likely. Returns a new array. */
export function shuffled<T>(items: readonly T[], random: RandomInt = randomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * One attempt's quiz: `count` questions drawn at random from the bank (all of them when the bank
 * is smaller), in random order, each with its options in random order. Options are referred to by
 * their index in the question, so grading never depends on the order they were shown in.
 */
export function drawQuestions(
  bank: ReadonlyArray<{ id: string; optionCount: number }>,
  count: number,
  random: RandomInt = randomInt,
): DrawnQuestion[] {
  return shuffled(bank, random)
    .slice(0, Math.min(count, bank.length))
    .map((q) => ({
      questionId: q.id,
      optionOrder: shuffled(
        Array.from({ length: q.optionCount }, (_, i) => i),
        random,
      ),
    }));
}
