import { describe, expect, it } from "vitest";
import {
  purposeViolations,
  violationFields,
  type PurposeFacts,
  type RecipientFacts,
} from "./rules";

/** A purpose that breaks no rule: standard consent to texts, no recipients, nothing abroad. */
const base: PurposeFacts = {
  bases: { PIPL: "consent" },
  consentKind: "standard",
  separateGrounds: [],
  dataCategories: ["contact"],
  sensitive: false,
  crossBorderDestination: null,
  transferMechanism: null,
  recipients: [],
};
const contract = { bases: { PIPL: "contract" } };
const separate = (...grounds: string[]) => ({ consentKind: "separate", separateGrounds: grounds });
const vendor = (name: string, role: string, country = "CN"): RecipientFacts => ({
  name,
  role,
  country,
});
const keys = (overrides: Partial<PurposeFacts>) =>
  purposeViolations({ ...base, ...overrides }).map((v) => `${v.field}:${v.key}`);

describe("purpose rules", () => {
  it("find nothing wrong with a plain consent purpose", () => {
    expect(keys({})).toEqual([]);
  });

  // Each rule: a purpose that breaks it, and the nearest one that does not.
  it.each<[string, Partial<PurposeFacts>, string[], Partial<PurposeFacts>]>([
    [
      "separate consent rests on consent",
      { ...contract, ...separate("sharing") },
      ["consentKind:purposeSeparateNeedsConsent"],
      { bases: { PIPL: "contract", GDPR: "consent" }, ...separate("sharing") },
    ],
    [
      "separate consent names a ground",
      separate(),
      ["separateGrounds:purposeGroundRequired"],
      separate("sharing"),
    ],
    [
      "the cross-border ground needs a destination",
      separate("cross_border"),
      ["crossBorderDestination:purposeDestinationRequired"],
      {
        ...separate("cross_border"),
        crossBorderDestination: "SG",
        transferMechanism: "standard_contract",
        recipients: [vendor("AWS", "entrusted_processor", "SG")],
      },
    ],
    // PIPL Art. 29
    [
      "sensitive data needs separate consent",
      { dataCategories: ["location"] },
      ["consentKind:purposeSensitiveNeedsSeparate"],
      { dataCategories: ["location"], ...separate("sensitive") },
    ],
    [
      "sensitive ticked by hand needs separate consent",
      { sensitive: true },
      ["consentKind:purposeSensitiveNeedsSeparate"],
      { sensitive: true, ...separate("sensitive") },
    ],
    [
      "sensitive data needs the sensitive ground",
      { dataCategories: ["national_id"], ...separate("sharing") },
      ["separateGrounds:purposeSensitiveNeedsSeparate"],
      { dataCategories: ["national_id"], ...separate("sharing", "sensitive") },
    ],
    // PIPL Art. 23 (and Art. 20 for a joint handler); an entrusted processor (Art. 21) needs none
    [
      "an independent handler needs separate consent",
      { recipients: [vendor("Umeng", "independent_handler")] },
      ["consentKind:purposeSharingNeedsSeparate"],
      { recipients: [vendor("Umeng", "entrusted_processor")] },
    ],
    [
      "a joint handler needs the sharing ground",
      { recipients: [vendor("Partner", "joint_handler")], ...separate("sensitive") },
      ["separateGrounds:purposeSharingNeedsSeparate"],
      { recipients: [vendor("Partner", "joint_handler")], ...separate("sensitive", "sharing") },
    ],
    [
      "a CCPA opt-out beside PIPL consent still asks PIPL's separate consent",
      {
        bases: { PIPL: "consent", CCPA: "opt_out" },
        recipients: [vendor("Ads", "independent_handler")],
      },
      ["consentKind:purposeSharingNeedsSeparate"],
      {
        bases: { PIPL: "consent", CCPA: "opt_out" },
        recipients: [vendor("Ads", "independent_handler")],
        ...separate("sharing"),
      },
    ],
    [
      "GDPR explicit consent for special categories",
      { bases: { GDPR: "consent" }, dataCategories: ["health"] },
      ["consentKind:purposeSensitiveNeedsSeparate"],
      { bases: { GDPR: "contract" }, dataCategories: ["health"] },
    ],
    // PIPL Arts. 38–39
    [
      "a destination needs separate consent",
      { crossBorderDestination: "SG", transferMechanism: "certification", recipients: [] },
      ["consentKind:purposeCrossBorderNeedsSeparate"],
      {
        crossBorderDestination: "SG",
        transferMechanism: "certification",
        ...separate("cross_border"),
      },
    ],
    [
      "a destination needs the cross-border ground",
      { crossBorderDestination: "HK", transferMechanism: "exemption", ...separate("sharing") },
      ["separateGrounds:purposeCrossBorderNeedsSeparate"],
      {
        crossBorderDestination: "HK",
        transferMechanism: "exemption",
        ...separate("sharing", "cross_border"),
      },
    ],
    [
      "a destination needs a transfer mechanism",
      { crossBorderDestination: "US", ...separate("cross_border") },
      ["transferMechanism:purposeMechanismRequired"],
      {
        crossBorderDestination: "US",
        transferMechanism: "security_assessment",
        ...separate("cross_border"),
      },
    ],
    [
      "a recipient abroad needs a destination",
      { recipients: [vendor("Twilio", "entrusted_processor", "US")] },
      ["recipientVendorIds:purposeRecipientAbroad"],
      { recipients: [vendor("Tencent SMS", "entrusted_processor", "CN")] },
    ],
    [
      "a recipient must be in the destination",
      {
        crossBorderDestination: "SG",
        transferMechanism: "standard_contract",
        ...separate("cross_border"),
        recipients: [vendor("Twilio", "entrusted_processor", "US")],
      },
      ["recipientVendorIds:purposeRecipientOutsideDestination"],
      {
        crossBorderDestination: "US",
        transferMechanism: "standard_contract",
        ...separate("cross_border"),
        recipients: [vendor("Twilio", "entrusted_processor", "US")],
      },
    ],
    [
      "a domestic recipient is not in a foreign destination",
      {
        crossBorderDestination: "SG",
        transferMechanism: "standard_contract",
        ...separate("cross_border"),
        recipients: [vendor("Aliyun", "entrusted_processor", "CN")],
      },
      ["recipientVendorIds:purposeRecipientOutsideDestination"],
      {
        crossBorderDestination: "SG",
        transferMechanism: "standard_contract",
        ...separate("cross_border"),
        recipients: [vendor("AWS", "entrusted_processor", "SG")],
      },
    ],
  ])("%s", (_rule, broken, found, fixed) => {
    expect(keys(broken)).toEqual(found);
    expect(keys(fixed)).toEqual([]);
  });

  it("ask no consent at all on another PIPL basis: sharing, sensitive data and transfers on a contract need a mechanism only", () => {
    const payment = {
      ...contract,
      dataCategories: ["financial"],
      recipients: [vendor("Alipay", "independent_handler")],
    };
    expect(keys(payment)).toEqual([]);
    expect(
      keys({
        ...payment,
        crossBorderDestination: "US",
        recipients: [vendor("Stripe", "independent_handler", "US")],
      }),
    ).toEqual(["transferMechanism:purposeMechanismRequired"]);
  });

  it("leave the recipient rules out while the recipients are not known", () => {
    expect(
      keys({
        recipients: undefined,
        crossBorderDestination: "SG",
        transferMechanism: "exemption",
        ...separate("cross_border"),
      }),
    ).toEqual([]);
  });

  it("name the first recipient out of place and count the others", () => {
    const found = purposeViolations({
      ...base,
      recipients: [
        vendor("Aliyun", "entrusted_processor"),
        vendor("Twilio", "entrusted_processor", "US"),
        vendor("Zendesk", "entrusted_processor", "US"),
      ],
    });
    expect(found).toEqual([
      {
        field: "recipientVendorIds",
        key: "purposeRecipientAbroad",
        values: { vendor: "Twilio", others: 1 },
      },
    ]);
  });

  it("leave sharing and transfers to PIPL: a GDPR-only consent purpose needs no Art. 23 or Art. 39 ground, only the mechanism of a transfer", () => {
    expect(
      keys({ bases: { GDPR: "consent" }, recipients: [vendor("Partner", "joint_handler")] }),
    ).toEqual([]);
    expect(
      keys({ bases: { GDPR: "consent" }, crossBorderDestination: "EU", recipients: [] }),
    ).toEqual(["transferMechanism:purposeMechanismRequired"]);
  });

  it("list every broken rule, and keep the first per field with all their values", () => {
    const all = purposeViolations({
      ...base,
      dataCategories: ["biometric"],
      crossBorderDestination: "JP",
      recipients: [vendor("Ads Co", "independent_handler", "US")],
    });
    expect(all.map((v) => v.key)).toEqual([
      "purposeSensitiveNeedsSeparate",
      "purposeSharingNeedsSeparate",
      "purposeCrossBorderNeedsSeparate",
      "purposeMechanismRequired",
      "purposeRecipientOutsideDestination",
    ]);
    expect(violationFields(all)).toEqual({
      fields: {
        consentKind: "purposeSensitiveNeedsSeparate",
        transferMechanism: "purposeMechanismRequired",
        recipientVendorIds: "purposeRecipientOutsideDestination",
      },
      values: { vendor: "Ads Co", others: 0 },
    });
  });
});
