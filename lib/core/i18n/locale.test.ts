import { describe, expect, it } from "vitest";
import { asAppLocale, resolveLocale } from "./locale";

describe("resolveLocale", () => {
  it.each([
    ["en", "zh-CN,zh;q=0.9", "en"],
    ["zh-CN", "en-US", "zh-CN"],
    [undefined, "en-GB,en;q=0.9,zh;q=0.5", "en"],
    [undefined, "fr-FR,zh-TW;q=0.8,en;q=0.5", "zh-CN"],
    [undefined, "fr-FR", "zh-CN"],
    [undefined, null, "zh-CN"],
    ["de", "en", "en"],
  ])("cookie %s, Accept-Language %s → %s", (cookie, header, expected) => {
    expect(resolveLocale(cookie, header)).toBe(expected);
  });
});

describe("asAppLocale", () => {
  it("reads English only when a value says so, and Chinese for anything else", () => {
    expect(asAppLocale("en")).toBe("en");
    for (const other of ["zh-CN", "zh", "EN", "fr", "", null, undefined])
      expect(asAppLocale(other)).toBe("zh-CN");
  });
});
