import { describe, expect, it } from "vitest";
import en from "@/messages/en/dataCategories.json";
import zh from "@/messages/zh-CN/dataCategories.json";
import {
  dataCategories,
  impliesSensitive,
  lawsCallingSensitive,
  needsSeparateConsent,
  sensitiveCategories,
  sensitiveUnder,
} from "./options";

describe("data categories", () => {
  it("mark every PIPL Art. 28 category sensitive under PIPL", () => {
    // biometrics, religious belief, specific identity, medical health, financial accounts, whereabouts, minors under 14
    for (const c of [
      "biometric",
      "religion",
      "specific_identity",
      "health",
      "financial",
      "location",
      "minors",
    ])
      expect(lawsCallingSensitive(c)).toContain("PIPL");
  });

  it("mark every GDPR Art. 9(1) special category sensitive under GDPR, and nothing else", () => {
    const article9 = [
      "racial_ethnic_origin",
      "political_opinions",
      "religion",
      "trade_union",
      "genetic",
      "biometric",
      "health",
      "sex_life",
    ];
    expect(dataCategories.filter((c) => lawsCallingSensitive(c).includes("GDPR")).sort()).toEqual(
      article9.sort(),
    );
  });

  it("mark the CPRA §1798.140(ae) categories sensitive under CCPA, but not political opinions or minors", () => {
    for (const c of [
      "national_id",
      "financial",
      "location",
      "racial_ethnic_origin",
      "religion",
      "trade_union",
      "genetic",
      "biometric",
      "health",
      "sex_life",
    ]) {
      expect(lawsCallingSensitive(c)).toContain("CCPA");
    }
    expect(lawsCallingSensitive("political_opinions")).toEqual(["GDPR"]);
    expect(lawsCallingSensitive("minors")).toEqual(["PIPL"]);
  });

  it("name a provision for every mark, within the one list", () => {
    expect(
      Object.keys(sensitiveUnder).filter((c) => !(dataCategories as readonly string[]).includes(c)),
    ).toEqual([]);
    for (const marks of Object.values(sensitiveUnder))
      for (const source of Object.values(marks))
        expect(source).toMatch(/Art\. |§1798\.140\(ae\)|GB\/T 35273/);
    expect(new Set(dataCategories).size).toBe(dataCategories.length);
    expect(sensitiveCategories).not.toContain("contact");
  });

  it("call a set of categories sensitive when any one is, per law or under any", () => {
    expect(impliesSensitive([])).toBe(false);
    expect(impliesSensitive(["contact", "vouchers"])).toBe(false);
    expect(impliesSensitive(["contact", "location"])).toBe(true);
    expect(impliesSensitive(["political_opinions"], "PIPL")).toBe(false);
    expect(impliesSensitive(["political_opinions"], "GDPR")).toBe(true);
    expect(impliesSensitive(["payment"])).toBe(false);
  });

  it("ask separate consent where PIPL (Art. 29) or GDPR (Art. 9(2)(a)) does", () => {
    expect(needsSeparateConsent(["political_opinions"])).toBe(true);
    expect(needsSeparateConsent(["specific_identity"])).toBe(true);
    expect(needsSeparateConsent(["contact", "behaviour"])).toBe(false);
  });

  it.each([
    ["en", en],
    ["zh-CN", zh],
  ])(
    "have a label for every category and none for a retired one in %s",
    (_locale, labels: Record<string, unknown>) => {
      expect(
        dataCategories.filter(
          (c) => typeof labels[c] !== "string" || (labels[c] as string).trim() === "",
        ),
      ).toEqual([]);
      expect(Object.keys(labels).sort()).toEqual([...dataCategories].sort());
    },
  );
});
