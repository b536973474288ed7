import { describe, expect, it } from "vitest";
import { consentKinds, legalBases, separateConsentGrounds } from "@/db/schema/consent";
import { consentKindIds, dataCategories, impliesSensitive, legalBasisIds, sensitiveCategories, separateGroundIds } from "./options";
import { changedFields } from "./values";

describe("purpose options", () => {
  it("mirror the database's lists exactly", () => {
    expect(legalBasisIds).toEqual(legalBases);
    expect(consentKindIds).toEqual(consentKinds);
    expect(separateGroundIds).toEqual(separateConsentGrounds);
  });

  it("call a purpose sensitive when any chosen category is", () => {
    expect(sensitiveCategories.every((c) => dataCategories.includes(c))).toBe(true);
    expect(impliesSensitive(["contact", "vouchers"])).toBe(false);
    expect(impliesSensitive(["contact", "location"])).toBe(true);
  });
});

describe("changed fields", () => {
  it("ignore the order of lists and of text keys, and name what differs", () => {
    const current = { name: { en: "A", "zh-CN": "甲" }, dataCategories: ["contact", "device"], required: false };
    expect(changedFields(current, { name: { "zh-CN": "甲", en: "A" }, dataCategories: ["device", "contact"], required: false })).toEqual([]);
    expect(changedFields(current, { name: { "zh-CN": "甲", en: "B" }, dataCategories: ["device"], required: true })).toEqual(["name", "dataCategories", "required"]);
  });
});
