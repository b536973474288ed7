import { describe, expect, it } from "vitest";
import { proposeGrade } from "./grading";

describe("CAC grade proposal (《国家网络安全事件报告管理办法》 grading guide, '以上' includes the number)", () => {
  it.each([
    [999_999, null, "general"],
    [1_000_000, null, "relatively_major"],
    [1_200_000, null, "relatively_major"],
    [9_999_999, null, "relatively_major"],
    [10_000_000, null, "major"],
    [99_999_999, null, "major"],
    [100_000_000, null, "especially_major"],
    [10, 5_000_000, "relatively_major"],
    [10, 4_999_999, "general"],
    [null, 100_000_000, "especially_major"],
    [null, 0, "general"],
  ] as const)("%s people, RMB %s direct loss → %s", (people, loss, grade) => {
    expect(proposeGrade(people, loss)).toBe(grade);
  });

  it("proposes nothing without any figure", () => {
    expect(proposeGrade(null, null)).toBeNull();
  });
});
