import { describe, expect, it } from "vitest";
import {
  cursorParam,
  dayParam,
  flag,
  hrefWith,
  optionalEnum,
  searchParamsSchema,
  searchString,
  searchText,
  sortParams,
} from "./schema";

const list = searchParamsSchema({
  q: searchText(10),
  tier: optionalEnum(["high", "low"] as const),
  archived: flag(),
  from: dayParam(),
  ...sortParams(["name", "updated"] as const, "name"),
  cursor: cursorParam(20),
});

describe("searchParamsSchema", () => {
  it("reads a list's state, first value of a repeated parameter, empty ones absent", () => {
    expect(
      list.parse({ q: " 云 ", tier: ["low", "high"], archived: "true", sort: "updated", from: "" }),
    ).toEqual({ q: "云", tier: "low", archived: true, sort: "updated", dir: "asc" });
    expect(list.parse(new URLSearchParams("dir=desc&cursor=abc&from=2026-02-28"))).toEqual({
      sort: "name",
      dir: "desc",
      cursor: "abc",
      from: "2026-02-28",
    });
  });

  it("drops what a hand-edited or stale URL got wrong instead of failing", () => {
    expect(
      list.parse({
        q: "x".repeat(11),
        tier: "medium",
        archived: "yes",
        from: "2026-02-30",
        sort: "drop table",
        dir: "sideways",
        cursor: "c".repeat(21),
      }),
    ).toEqual({ sort: "name", dir: "asc" });
  });
});

describe("searchString and hrefWith", () => {
  it("write back only what is set, in order", () => {
    expect(searchString({ q: "云 存储", tier: undefined, archived: false, cursor: "" })).toBe(
      "q=%E4%BA%91+%E5%AD%98%E5%82%A8",
    );
    expect(hrefWith("/vendors", { sort: "name", archived: true })).toBe(
      "/vendors?sort=name&archived=true",
    );
    expect(hrefWith("/vendors", { archived: false })).toBe("/vendors");
  });
});
