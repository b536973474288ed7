import { describe, expect, it } from "vitest";
import en from "@/messages/en/dataCategories.json";
import zh from "@/messages/zh-CN/dataCategories.json";
import { dataCategories, impliesSensitive, sensitiveCategories } from "./options";

describe("data categories", () => {
  it("keep the PIPL Art. 28 sensitive subset within the one list", () => {
    expect(sensitiveCategories.filter((c) => !dataCategories.includes(c))).toEqual([]);
    expect(new Set(dataCategories).size).toBe(dataCategories.length);
    expect([...sensitiveCategories].sort()).toEqual(["biometric", "financial", "location", "minors", "national_id"]);
  });

  it("call a set of categories sensitive when any one is", () => {
    expect(impliesSensitive([])).toBe(false);
    expect(impliesSensitive(["contact", "vouchers"])).toBe(false);
    expect(impliesSensitive(["contact", "location"])).toBe(true);
    expect(impliesSensitive(["financial"])).toBe(true);
    expect(impliesSensitive(["payment"])).toBe(false);
  });

  it.each([["en", en], ["zh-CN", zh]])("have a label for every category and none for a retired one in %s", (_locale, labels: Record<string, unknown>) => {
    expect(dataCategories.filter((c) => typeof labels[c] !== "string" || (labels[c] as string).trim() === "")).toEqual([]);
    expect(Object.keys(labels).sort()).toEqual([...dataCategories].sort());
  });
});
