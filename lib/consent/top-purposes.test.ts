import { describe, expect, it } from "vitest";
import type { WeekPoint } from "./dashboard";
import { topRateLines } from "./top-purposes";

const weeks = (...counts: Array<[grants: number, decisions: number]>): WeekPoint[] =>
  counts.map(([grants, decisions], i) => ({
    week: `2026-11-${String(2 + 7 * i).padStart(2, "0")}`,
    grants,
    decisions,
    withdrawals: 0,
    gpc: 0,
  }));

describe("the consent rate chart's lines", () => {
  it("draws the five purposes with the most decisions and one 'other' line for the rest", () => {
    const series: Record<string, WeekPoint[]> = {
      a: weeks([1, 10], [1, 10]),
      b: weeks([2, 9], [0, 9]),
      c: weeks([8, 8], [0, 0]),
      d: weeks([1, 7], [1, 7]),
      e: weeks([3, 6], [3, 6]),
      f: weeks([1, 1], [0, 2]),
      g: weeks([0, 1], [0, 0]),
      h: weeks([0, 0], [1, 1]),
    };
    const lines = topRateLines(series);
    expect(lines.map((l) => l.purposeId)).toEqual(["a", "b", "d", "e", "c", null]);
    // other = f + g + h: week 1 grants 1 of 2 decisions, week 2 grants 1 of 3.
    expect(lines.at(-1)!.rates).toEqual([1 / 2, 1 / 3]);
    expect(lines.find((l) => l.purposeId === "c")!.rates).toEqual([1, null]);
  });

  it("has no 'other' line when five or fewer purposes were decided", () => {
    expect(topRateLines({ a: weeks([1, 2]), b: weeks([0, 1]) }).map((l) => l.purposeId)).toEqual([
      "a",
      "b",
    ]);
  });
});
