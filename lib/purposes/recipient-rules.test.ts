import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { updatePurposeAction } from "@/app/(console)/purposes/[id]/actions";
import { createPurposeAction } from "@/app/(console)/purposes/new/actions";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { formDataToObject } from "@/lib/core/actions/form-data";
import { idle } from "@/lib/core/actions/state";
import { AppError } from "@/lib/core/errors";
import { tenantContext } from "@/lib/core/tenancy/context";
import { insertVendor } from "@/lib/vendors/test-support";
import { fieldErrorsOf, redirectOf } from "@/tests/action-outcome";
import { lastAudit } from "@/tests/audit";
import { actAs, form, orgWithOfficer } from "@/tests/factories";
import { createPurpose } from "./commands";
import { purposeFormValues } from "./form-values";
import { purposeCreateSchema } from "./schemas";
import { purposeByCode, purposeForm, purposesOf } from "./test-support";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let vendors: Record<"sms" | "umeng" | "partner" | "aws" | "twilio", string>;

beforeAll(async () => {
  ({ orgId, officerId } = await orgWithOfficer());
  vendors = {
    sms: await insertVendor(orgId, { name: "Tencent SMS", handlerRole: "entrusted_processor" }),
    umeng: await insertVendor(orgId, { name: "Umeng+", handlerRole: "independent_handler" }),
    partner: await insertVendor(orgId, { name: "Co-brand partner", handlerRole: "joint_handler" }),
    aws: await insertVendor(orgId, {
      name: "AWS Singapore",
      country: "SG",
      handlerRole: "entrusted_processor",
    }),
    twilio: await insertVendor(orgId, {
      name: "Twilio",
      country: "US",
      handlerRole: "entrusted_processor",
    }),
  };
});
beforeEach(() => actAs(officerId, orgId));

/** A standard-consent purpose form; the default separate-consent form of test-support, made plain. */
const plain = (overrides: Record<string, string | string[] | undefined>) =>
  purposeForm({
    consentKind: "standard",
    separateGrounds: undefined,
    dataCategories: ["device"],
    ...overrides,
  });

describe("a purpose's recipients and destination", () => {
  it.each([
    [
      "an independent handler on standard consent (PIPL Art. 23)",
      { identifier: "sdk_a", recipientVendorIds: ["umeng"] },
      "consentKind",
      "errors.purposeSharingNeedsSeparate",
    ],
    [
      "a joint handler without the sharing ground (Art. 20)",
      {
        identifier: "sdk_b",
        recipientVendorIds: ["partner"],
        consentKind: "separate",
        separateGrounds: ["public_disclosure"],
      },
      "separateGrounds",
      "errors.purposeSharingNeedsSeparate",
    ],
    [
      "a destination on standard consent (Art. 39)",
      {
        identifier: "abroad_a",
        crossBorderDestination: "SG",
        transferMechanism: "standard_contract",
        recipientVendorIds: ["aws"],
      },
      "consentKind",
      "errors.purposeCrossBorderNeedsSeparate",
    ],
    [
      "a destination without a mechanism (Art. 38)",
      {
        identifier: "abroad_b",
        consentKind: "separate",
        separateGrounds: ["cross_border"],
        crossBorderDestination: "SG",
        recipientVendorIds: ["aws"],
      },
      "transferMechanism",
      "errors.purposeMechanismRequired",
    ],
    [
      "a recipient outside the destination",
      {
        identifier: "abroad_c",
        consentKind: "separate",
        separateGrounds: ["cross_border"],
        crossBorderDestination: "SG",
        transferMechanism: "standard_contract",
        recipientVendorIds: ["aws", "twilio"],
      },
      "recipientVendorIds",
      "errors.purposeRecipientOutsideDestination",
    ],
    [
      "a recipient abroad on a domestic purpose",
      { identifier: "domestic_a", recipientVendorIds: ["sms", "twilio"] },
      "recipientVendorIds",
      "errors.purposeRecipientAbroad",
    ],
  ])(
    "refuses %s next to the field, and writes nothing",
    async (_name, overrides, field, message) => {
      const recipients = (overrides.recipientVendorIds ?? []).map(
        (key) => vendors[key as keyof typeof vendors],
      );
      const [before, head] = [await purposesOf(orgId), await lastAudit(orgId)];
      const state = await createPurposeAction(
        idle,
        plain({ ...overrides, recipientVendorIds: recipients }),
      );
      expect(state).toMatchObject({ status: "error" });
      expect(fieldErrorsOf(state)?.[field]).toBe(message);
      expect(state.status === "error" && state.values?.recipientVendorIds).toEqual(recipients);
      expect(await purposesOf(orgId)).toEqual(before);
      expect((await lastAudit(orgId)).seq).toBe(head.seq);
    },
  );

  it("reports every broken rule together: with the recipients' when the fields are well-formed, the others beside a malformed field", async () => {
    const abroad = {
      identifier: "all_at_once",
      crossBorderDestination: "SG",
      recipientVendorIds: [vendors.umeng],
    };
    expect(fieldErrorsOf(await createPurposeAction(idle, plain(abroad)))).toEqual({
      consentKind: "errors.purposeSharingNeedsSeparate",
      transferMechanism: "errors.purposeMechanismRequired",
      recipientVendorIds: "errors.purposeRecipientOutsideDestination",
    });
    expect(
      fieldErrorsOf(await createPurposeAction(idle, plain({ ...abroad, nameEn: "" }))),
    ).toEqual({
      nameEn: "errors.required",
      consentKind: "errors.purposeCrossBorderNeedsSeparate",
      transferMechanism: "errors.purposeMechanismRequired",
    });
    expect(await purposeByCode(orgId, "all_at_once")).toBeUndefined();
  });

  it("names the vendor out of place, and how many more there are, for the message", async () => {
    const input = purposeCreateSchema.parse(formDataToObject(plain({ identifier: "sms_abroad" })));
    const refusal = await withTenant(orgId, (tx) =>
      createPurpose(tenantContext(tx, orgId, { type: "user", id: officerId }), {
        ...input,
        recipientVendorIds: [vendors.sms, vendors.twilio, vendors.aws],
      }),
    ).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({
      fieldErrors: { recipientVendorIds: "purposeRecipientAbroad" },
      messageValues: { vendor: "Twilio", others: 1 },
    });
  });

  it("accepts them once asked as PIPL requires: separate consent with the sharing and cross-border grounds, the mechanism kept", async () => {
    await redirectOf(
      createPurposeAction(
        idle,
        plain({
          identifier: "sg_analytics",
          consentKind: "separate",
          separateGrounds: ["cross_border"],
          crossBorderDestination: "SG",
          transferMechanism: "certification",
          recipientVendorIds: [vendors.aws],
        }),
      ),
    );
    expect(await purposeByCode(orgId, "sg_analytics")).toMatchObject({
      crossBorderDestination: "SG",
      transferMechanism: "certification",
      recipientVendorIds: [vendors.aws],
    });
    await redirectOf(
      createPurposeAction(
        idle,
        plain({
          identifier: "umeng_sdk",
          consentKind: "separate",
          separateGrounds: ["sharing"],
          recipientVendorIds: [vendors.umeng, vendors.sms],
        }),
      ),
    );
    expect(await purposeByCode(orgId, "umeng_sdk")).toMatchObject({
      separateGrounds: ["sharing"],
      transferMechanism: null,
    });
  });

  it("asks no consent for sharing on a contract, and drops a mechanism without a destination", async () => {
    await redirectOf(
      createPurposeAction(
        idle,
        plain({
          identifier: "payments",
          basisPIPL: "contract",
          required: "true",
          recipientVendorIds: [vendors.umeng],
          transferMechanism: "exemption",
        }),
      ),
    );
    expect(await purposeByCode(orgId, "payments")).toMatchObject({
      bases: { PIPL: "contract" },
      recipientVendorIds: [vendors.umeng],
      transferMechanism: null,
    });
  });

  it("checks an edit the same way, with a recipient linked before its role was known", async () => {
    await redirectOf(
      createPurposeAction(
        idle,
        plain({ identifier: "push_texts", recipientVendorIds: [vendors.sms] }),
      ),
    );
    const values = purposeFormValues(await purposeByCode(orgId, "push_texts"));
    const state = await updatePurposeAction(
      idle,
      form({ ...values, recipientVendorIds: [vendors.sms, vendors.partner] }),
    );
    expect(fieldErrorsOf(state)).toEqual({ consentKind: "errors.purposeSharingNeedsSeparate" });
    expect((await purposeByCode(orgId, "push_texts")).recipientVendorIds).toEqual([vendors.sms]);
  });
});
