import { describe, expect, it } from "vitest";
import {
  consentKinds,
  purposeBasisIds,
  separateConsentGrounds,
  transferMechanisms,
} from "@/db/schema/purposes";
import { customerLaws } from "@/db/schema/customers";
import { basisIdsOf } from "@/lib/consent/legal-bases";
import { consentKindIds, lawIds, separateGroundIds, transferMechanismIds } from "./options";
import { changedFields } from "./values";

describe("purpose options", () => {
  it("mirror the database's lists exactly", () => {
    expect(lawIds).toEqual(customerLaws);
    for (const law of lawIds) expect(basisIdsOf(law)).toEqual(purposeBasisIds[law]);
    expect(consentKindIds).toEqual(consentKinds);
    expect(separateGroundIds).toEqual(separateConsentGrounds);
    expect(transferMechanismIds).toEqual(transferMechanisms);
  });
});

describe("changed fields", () => {
  it("ignore the order of lists and of text keys, and name what differs", () => {
    const current = {
      name: { en: "A", "zh-CN": "甲" },
      dataCategories: ["contact", "device"],
      required: false,
    };
    expect(
      changedFields(current, {
        name: { "zh-CN": "甲", en: "A" },
        dataCategories: ["device", "contact"],
        required: false,
      }),
    ).toEqual([]);
    expect(
      changedFields(current, {
        name: { "zh-CN": "甲", en: "B" },
        dataCategories: ["device"],
        required: true,
      }),
    ).toEqual(["name", "dataCategories", "required"]);
  });
});
