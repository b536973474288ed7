import { describe, expect, it } from "vitest";
import { sortByName } from "./collate";

describe("sortByName", () => {
  it("orders Chinese names by pinyin, not by code point", () => {
    const names = ["张伟", "陈静", "王海燕", "李明", "刘洋", "赵敏"].map((name) => ({ name }));
    expect(sortByName(names).map((p) => p.name)).toEqual([
      "陈静",
      "李明",
      "刘洋",
      "王海燕",
      "张伟",
      "赵敏",
    ]);
    // Code-point order would put 刘 (U+5218) before 张 (U+5F20) before 李 (U+674E): not what a reader looks for.
    expect([...names].sort((a, b) => (a.name < b.name ? -1 : 1)).map((p) => p.name)[0]).toBe(
      "刘洋",
    );
  });
});
