import { describe, expect, it } from "vitest";
import { diffLines } from "./diff";

describe("line diff", () => {
  it("marks identical texts as unchanged", () => {
    expect(diffLines("a\nb", "a\nb").map((r) => r.kind)).toEqual(["same", "same"]);
  });

  it("aligns an insertion, a removal and a change side by side", () => {
    const rows = diffLines("title\nold line\nkept\ngone", "title\nnew line\nkept\nadded one");
    expect(rows).toEqual([
      { kind: "same", left: { line: 1, text: "title" }, right: { line: 1, text: "title" } },
      {
        kind: "changed",
        left: { line: 2, text: "old line" },
        right: { line: 2, text: "new line" },
      },
      { kind: "same", left: { line: 3, text: "kept" }, right: { line: 3, text: "kept" } },
      { kind: "changed", left: { line: 4, text: "gone" }, right: { line: 4, text: "added one" } },
    ]);
  });

  it("reports pure additions and removals", () => {
    expect(diffLines("a\nc", "a\nb\nc")).toEqual([
      { kind: "same", left: { line: 1, text: "a" }, right: { line: 1, text: "a" } },
      { kind: "added", right: { line: 2, text: "b" } },
      { kind: "same", left: { line: 2, text: "c" }, right: { line: 3, text: "c" } },
    ]);
    expect(diffLines("a\nb", "a").map((r) => r.kind)).toEqual(["same", "removed"]);
  });

  it("keeps every line of both sides exactly once, in order", () => {
    const before = "1\n2\n3\n4\n5\n6";
    const after = "0\n2\n3\nx\n5\n6\n7";
    const rows = diffLines(before, after);
    expect(rows.flatMap((r) => (r.left ? [r.left.text] : []))).toEqual(before.split("\n"));
    expect(rows.flatMap((r) => (r.right ? [r.right.text] : []))).toEqual(after.split("\n"));
    expect(rows.filter((r) => r.kind === "same")).toHaveLength(4);
  });
});
