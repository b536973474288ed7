import { describe, expect, it } from "vitest";
import { localized } from "./localized-text";

describe("localized", () => {
  const both = { "zh-CN": "营销短信", en: "Marketing SMS" };

  it("reads the reader's language", () => {
    expect(localized(both, "zh-CN")).toBe("营销短信");
    expect(localized(both, "en")).toBe("Marketing SMS");
  });

  it("falls back to the other language when the reader's is empty or missing", () => {
    expect(localized({ "zh-CN": "营销短信", en: "" }, "en")).toBe("营销短信");
    expect(localized({ en: "Marketing SMS" }, "zh-CN")).toBe("Marketing SMS");
  });

  it("treats an unknown locale as Chinese and a missing text as empty", () => {
    expect(localized(both, "fr")).toBe("营销短信");
    expect(localized(null, "en")).toBe("");
    expect(localized(undefined, "zh-CN")).toBe("");
  });
});
