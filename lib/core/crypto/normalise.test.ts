import { describe, expect, it } from "vitest";
import { normaliseEmail, normaliseNationalId, normalisePhone } from "@/lib/core/crypto/normalise";

describe("normalisePhone", () => {
  it.each([
    ["13800138000", "+8613800138000"],
    ["138 0013 8000", "+8613800138000"],
    ["138-0013-8000", "+8613800138000"],
    ["+86 138 0013 8000", "+8613800138000"],
    ["0086 13800138000", "+8613800138000"],
    ["8613800138000", "+8613800138000"],
    ["(+86) 138.0013.8000", "+8613800138000"],
    ["１３８００１３８０００", "+8613800138000"],
    ["+1 (415) 555-2671", "+14155552671"],
    ["+852 9123 4567", "+85291234567"],
  ])("%s → %s", (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each([
    "",
    "abc",
    "12345",
    "010-12345678",
    "+0 123456789",
    "+86 138 0013 8000 1234 5678",
    "1380013800x",
  ])("refuses %j", (input) => expect(normalisePhone(input)).toBeNull());
});

describe("normaliseEmail", () => {
  it.each([
    ["  Zhang.San@Example.COM ", "zhang.san@example.com"],
    ["zhang.san＠example.com", "zhang.san@example.com"],
  ])("%j → %s", (input, expected) => expect(normaliseEmail(input)).toBe(expected));

  it.each(["", "no-at-sign", "@example.com", "a@", "a b@example.com", "a@b@c"])(
    "refuses %j",
    (input) => expect(normaliseEmail(input)).toBeNull(),
  );
});

describe("normaliseNationalId", () => {
  it.each([
    ["11010519491231002x", "11010519491231002X"],
    [" 110105 19491231 002X ", "11010519491231002X"],
    ["ｅ１２３４５６７８", "E12345678"],
  ])("%j → %s", (input, expected) => expect(normaliseNationalId(input)).toBe(expected));

  it("refuses blank input", () => expect(normaliseNationalId("  \t")).toBeNull());
});
