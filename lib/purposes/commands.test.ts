import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  archivePurposeAction,
  restorePurposeAction,
  updatePurposeAction,
} from "@/app/(console)/purposes/[id]/actions";
import { createPurposeAction } from "@/app/(console)/purposes/new/actions";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { documentWithVersion } from "@/lib/policies/test-support";
import { setVendorArchived } from "@/lib/vendors/commands";
import { commandContext, insertVendor } from "@/lib/vendors/test-support";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { purposeFormValues } from "./form-values";
import { purposeByCode, purposeForm, purposesOf, setJurisdictions } from "./test-support";
import { redirectOf, fieldErrorsOf } from "@/tests/action-outcome";
import { auditOf, lastAudit } from "@/tests/audit";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let adminId: string;
let employeeId: string;

beforeAll(async () => {
  ({ orgId } = await createOrg());
  [officerId, adminId, employeeId] = await Promise.all([
    createMember(orgId, "privacy_officer"),
    createMember(orgId, "admin"),
    createMember(orgId, "employee"),
  ]);
});
beforeEach(() => actAs(officerId, orgId));

const idOf = (path: string) => /^\/purposes\/([0-9a-f-]{36})\?notice=\w+$/.exec(path)?.[1];

/** The edit form of a stored purpose, with fields replaced (what the editor posts). */
async function editForm(
  code: string,
  overrides: Record<string, string | string[] | undefined> = {},
) {
  return form({ ...purposeFormValues(await purposeByCode(orgId, code)), ...overrides });
}

describe("creating a purpose", () => {
  it.each([
    ["a malformed code", { identifier: "Marketing-SMS" }, "identifier", "errors.purposeCodeFormat"],
    ["a one-letter code", { identifier: "m" }, "identifier", "errors.purposeCodeFormat"],
    ["a missing English name", { nameEn: "" }, "nameEn", "errors.required"],
    [
      "no data category",
      { dataCategories: undefined },
      "dataCategories",
      "errors.chooseAtLeastOne",
    ],
    [
      "a retired data category id",
      { dataCategories: ["payment"] },
      "dataCategories.0",
      "errors.choice",
    ],
    ["an unknown legal basis", { basisPIPL: "vibes" }, "basisPIPL", "errors.choice"],
    ["no basis under any law", { basisPIPL: "" }, "bases", "errors.purposeBasisRequired"],
    [
      "legitimate interest under PIPL",
      { basisPIPL: "legitimate_interest", consentKind: "standard", separateGrounds: undefined },
      "basisPIPL",
      "errors.purposeNoLegitimateInterest",
    ],
    ["opt-out under PIPL", { basisPIPL: "opt_out" }, "basisPIPL", "errors.purposeOptOutCcpaOnly"],
    ["opt-out under GDPR", { basisGDPR: "opt_out" }, "basisGDPR", "errors.purposeOptOutCcpaOnly"],
    ["another law's basis", { basisPIPL: "notice" }, "basisPIPL", "errors.purposeBasisNotOfLaw"],
    [
      "separate consent without a reason",
      { separateGrounds: undefined },
      "separateGrounds",
      "errors.purposeGroundRequired",
    ],
    [
      "a cross-border reason without a destination",
      { separateGrounds: ["cross_border"] },
      "crossBorderDestination",
      "errors.purposeDestinationRequired",
    ],
    [
      "separate consent on a contract basis",
      { basisPIPL: "contract" },
      "consentKind",
      "errors.purposeSeparateNeedsConsent",
    ],
    [
      "a required consent-based purpose",
      { consentKind: "standard", required: "true" },
      "required",
      "errors.purposeConsentNotRequired",
    ],
    [
      "a required opt-out purpose",
      { basisPIPL: "contract", basisCCPA: "opt_out", consentKind: "standard", required: "true" },
      "required",
      "errors.purposeOptOutNotRequired",
    ],
    [
      "a required purpose on legitimate interests",
      {
        basisPIPL: "contract",
        basisGDPR: "legitimate_interest",
        consentKind: "standard",
        required: "true",
      },
      "required",
      "errors.purposeObjectionNotRequired",
    ],
    [
      "sensitive data on standard consent",
      { consentKind: "standard", dataCategories: ["location"] },
      "consentKind",
      "errors.purposeSensitiveNeedsSeparate",
    ],
    [
      "sensitive data without the sensitive reason",
      { dataCategories: ["national_id"] },
      "separateGrounds",
      "errors.purposeSensitiveNeedsSeparate",
    ],
    [
      "financial accounts on standard consent",
      { consentKind: "standard", dataCategories: ["financial"] },
      "consentKind",
      "errors.purposeSensitiveNeedsSeparate",
    ],
    [
      "a recipient that is not an id",
      { recipientVendorIds: ["nope"] },
      "recipientVendorIds.0",
      "errors.format",
    ],
  ])("refuses %s on the field and writes nothing", async (_name, overrides, field, message) => {
    const [before, head] = [await purposesOf(orgId), await lastAudit(orgId)];
    const state = await createPurposeAction(idle, purposeForm(overrides));
    expect(state.status).toBe("error");
    expect(fieldErrorsOf(state)?.[field]).toBe(message);
    // What was typed comes back, the code included, so the person fixes only the flagged field.
    expect(
      state.status === "error" && [state.values?.nameZh, typeof state.values?.identifier],
    ).toEqual(["向商户提供联系方式", "string"]);
    expect(await purposesOf(orgId)).toEqual(before);
    expect((await lastAudit(orgId)).seq).toBe(head.seq);
  });

  it("stores the purpose with the published policy version, derives sensitivity, and audits the code only", async () => {
    const { documentId, id: versionId } = await documentWithVersion(
      orgId,
      officerId,
      adminId,
      "published",
      "privacy-create",
    );
    const vendor = await insertVendor(orgId, { name: "Gaode Maps" });
    const path = await redirectOf(
      createPurposeAction(
        idle,
        purposeForm({
          identifier: "location_nearby_deals",
          nameZh: "  附近优惠  ",
          separateGrounds: ["sensitive", "sensitive"],
          dataCategories: ["location", "device"],
          recipientVendorIds: [vendor],
          policyDocumentId: documentId,
        }),
      ),
    );
    const id = idOf(path);
    expect(path).toBe(`/purposes/${id}?notice=created`);
    expect(await purposeByCode(orgId, "location_nearby_deals")).toMatchObject({
      id,
      name: { "zh-CN": "附近优惠", en: "Show your contact to the merchant" },
      bases: { PIPL: "consent" },
      consentKind: "separate",
      separateGrounds: ["sensitive"],
      dataCategories: ["location", "device"],
      sensitive: true,
      required: false,
      recipientVendorIds: [vendor],
      crossBorderDestination: null,
      policyDocumentId: documentId,
      policyVersionId: versionId,
      archivedAt: null,
    });
    expect(await lastAudit(orgId)).toMatchObject({
      action: "purpose.created",
      targetType: "purpose",
      targetId: id,
      actorType: "user",
      actorId: officerId,
      details: { code: "location_nearby_deals" },
    });
  });

  it("drops separate-consent reasons from other kinds and allows a required contract purpose", async () => {
    await redirectOf(
      createPurposeAction(
        idle,
        purposeForm({
          identifier: "account_transactions",
          basisPIPL: "contract",
          consentKind: "standard",
          separateGrounds: ["sharing"],
          required: "true",
          dataCategories: ["identity"],
        }),
      ),
    );
    expect(await purposeByCode(orgId, "account_transactions")).toMatchObject({
      separateGrounds: [],
      required: true,
      sensitive: false,
      policyVersionId: null,
    });
  });

  it("refuses a code the organisation already uses, next to the field", async () => {
    await redirectOf(createPurposeAction(idle, purposeForm({ identifier: "duplicate_me" })));
    const head = await lastAudit(orgId);
    const state = await createPurposeAction(
      idle,
      purposeForm({ identifier: "duplicate_me", nameEn: "Another" }),
    );
    expect(state).toMatchObject({
      status: "error",
      message: "errors.conflict",
      fieldErrors: { identifier: "errors.purposeCodeTaken" },
    });
    expect((await purposesOf(orgId)).filter((p) => p.code === "duplicate_me")).toHaveLength(1);
    expect((await lastAudit(orgId)).seq).toBe(head.seq);
  });

  it("sets a basis only under the organisation's own laws, and legitimate interest only under GDPR", async () => {
    const fraud = purposeForm({
      identifier: "fraud_signals",
      basisPIPL: undefined,
      basisGDPR: "legitimate_interest",
      consentKind: "standard",
      separateGrounds: undefined,
      dataCategories: ["device"],
    });
    expect(fieldErrorsOf(await createPurposeAction(idle, fraud))).toEqual({
      basisGDPR: "errors.purposeLawNotDeclared",
    });
    expect(await purposeByCode(orgId, "fraud_signals")).toBeUndefined();
    await setJurisdictions(orgId, ["PIPL", "GDPR"]);
    try {
      await redirectOf(createPurposeAction(idle, fraud));
      // Not offered to PIPL customers: PIPL has no legitimate interest, and no basis was set under it.
      expect(await purposeByCode(orgId, "fraud_signals")).toMatchObject({
        bases: { GDPR: "legitimate_interest" },
      });
    } finally {
      await setJurisdictions(orgId, ["PIPL"]);
    }
  });

  it("refuses recipients that are archived or belong to another organisation, and documents of another organisation", async () => {
    const other = await createOrg();
    const otherOfficer = await createMember(other.orgId, "privacy_officer");
    const otherAdmin = await createMember(other.orgId, "admin");
    const foreignVendor = await insertVendor(other.orgId, { name: "Foreign Co" });
    const foreignDoc = await documentWithVersion(
      other.orgId,
      otherOfficer,
      otherAdmin,
      "published",
      "privacy-foreign",
    );
    const archived = await insertVendor(orgId, { name: "Old Push Co" });
    await withTenant(orgId, (tx) => setVendorArchived(commandContext(tx, orgId), archived, true));

    const refused: Array<[Record<string, string | string[]>, string]> = [
      [{ recipientVendorIds: [foreignVendor] }, "recipientVendorIds"],
      [{ recipientVendorIds: [archived] }, "recipientVendorIds"],
      [{ policyDocumentId: foreignDoc.documentId }, "policyDocumentId"],
    ];
    for (const [overrides, field] of refused) {
      const state = await createPurposeAction(
        idle,
        purposeForm({ identifier: "refused_refs", ...overrides }),
      );
      expect(fieldErrorsOf(state), field).toEqual({ [field]: "errors.choice" });
    }
    expect(await purposeByCode(orgId, "refused_refs")).toBeUndefined();
  });

  it("is refused for an employee, who may only read", async () => {
    await actAs(employeeId, orgId);
    expect(
      await createPurposeAction(idle, purposeForm({ identifier: "employee_try" })),
    ).toMatchObject({ status: "error", message: "errors.forbidden" });
    expect(await purposeByCode(orgId, "employee_try")).toBeUndefined();
  });
});

describe("editing a purpose", () => {
  it("saves the change, keeps the code, records the new document's published version and audits the changed field names", async () => {
    const first = await documentWithVersion(orgId, officerId, adminId, "published", "privacy-edit");
    const second = await documentWithVersion(
      orgId,
      officerId,
      adminId,
      "published",
      "sdk-list-edit",
    );
    await redirectOf(
      createPurposeAction(
        idle,
        purposeForm({
          identifier: "marketing_sms",
          consentKind: "standard",
          separateGrounds: undefined,
          policyDocumentId: first.documentId,
        }),
      ),
    );
    const before = await purposeByCode(orgId, "marketing_sms");
    expect(before).toMatchObject({ policyVersionId: first.id });

    const path = await redirectOf(
      updatePurposeAction(
        idle,
        await editForm("marketing_sms", {
          identifier: "renamed_code",
          nameEn: "Marketing texts",
          dataCategories: ["preferences", "contact", "vouchers"],
          policyDocumentId: second.documentId,
        }),
      ),
    );
    expect(path).toBe(`/purposes/${before.id}?notice=updated`);
    expect(await purposeByCode(orgId, "marketing_sms")).toMatchObject({
      id: before.id,
      name: { "zh-CN": before.name["zh-CN"], en: "Marketing texts" },
      dataCategories: ["preferences", "contact", "vouchers"],
      policyDocumentId: second.documentId,
      policyVersionId: second.id,
    });
    expect(await purposeByCode(orgId, "renamed_code")).toBeUndefined();
    // New data categories ask for re-consent (PIPL Art. 14): nobody holds a grant yet, so none was confirmed.
    expect((await auditOf(orgId)).slice(-2)).toMatchObject([
      {
        action: "purpose.updated",
        targetId: before.id,
        actorId: officerId,
        details: {
          code: "marketing_sms",
          fields: ["name", "dataCategories", "policyDocumentId", "policyVersionId"],
        },
      },
      {
        action: "purpose.reconsent_required",
        targetId: before.id,
        actorId: officerId,
        details: { code: "marketing_sms", fields: ["dataCategories"], customers: 0 },
      },
    ]);
  });

  it("audits an unchanged save with no fields, and refuses a save made on an outdated copy", async () => {
    await redirectOf(
      createPurposeAction(
        idle,
        purposeForm({
          identifier: "marketing_push",
          consentKind: "standard",
          separateGrounds: undefined,
          dataCategories: ["device"],
        }),
      ),
    );
    const stale = await editForm("marketing_push", { nameEn: "Push" });
    await redirectOf(
      updatePurposeAction(idle, await editForm("marketing_push", { dataCategories: ["device"] })),
    );
    expect(await lastAudit(orgId)).toMatchObject({
      action: "purpose.updated",
      details: { code: "marketing_push", fields: [] },
    });

    await redirectOf(
      updatePurposeAction(idle, await editForm("marketing_push", { nameEn: "Push notifications" })),
    );
    const head = await lastAudit(orgId);
    expect(await updatePurposeAction(idle, stale)).toMatchObject({
      status: "error",
      message: "errors.conflict",
    });
    expect((await purposeByCode(orgId, "marketing_push")).name.en).toBe("Push notifications");
    expect((await lastAudit(orgId)).seq).toBe(head.seq);
  });

  it("keeps a recipient that was archived after it was linked, but refuses adding an archived one", async () => {
    const [kept, added] = [
      await insertVendor(orgId, { name: "Linked Co" }),
      await insertVendor(orgId, { name: "Late Co" }),
    ];
    await redirectOf(
      createPurposeAction(
        idle,
        purposeForm({ identifier: "analytics_sdk", recipientVendorIds: [kept] }),
      ),
    );
    await withTenant(orgId, async (tx) => {
      await setVendorArchived(commandContext(tx, orgId), kept, true);
      await setVendorArchived(commandContext(tx, orgId), added, true);
    });
    await redirectOf(
      updatePurposeAction(idle, await editForm("analytics_sdk", { nameEn: "Analytics SDK" })),
    );
    expect(
      fieldErrorsOf(
        await updatePurposeAction(
          idle,
          await editForm("analytics_sdk", { recipientVendorIds: [kept, added] }),
        ),
      ),
    ).toEqual({ recipientVendorIds: "errors.choice" });
    expect((await purposeByCode(orgId, "analytics_sdk")).recipientVendorIds).toEqual([kept]);
  });
});

describe("archiving a purpose", () => {
  it("archives and restores with an audit event each; an archived purpose cannot be edited or archived again", async () => {
    await redirectOf(createPurposeAction(idle, purposeForm({ identifier: "archive_me" })));
    const { id } = await purposeByCode(orgId, "archive_me");
    expect(await redirectOf(archivePurposeAction(idle, form({ id })))).toBe(
      `/purposes/${id}?notice=archived`,
    );
    expect((await purposeByCode(orgId, "archive_me")).archivedAt).not.toBeNull();
    expect(await lastAudit(orgId)).toMatchObject({
      action: "purpose.archived",
      targetId: id,
      details: { code: "archive_me" },
    });

    expect(await archivePurposeAction(idle, form({ id }))).toMatchObject({
      status: "error",
      message: "errors.conflict",
    });
    expect(
      await updatePurposeAction(idle, await editForm("archive_me", { nameEn: "Changed" })),
    ).toMatchObject({ status: "error", message: "errors.conflict" });

    expect(await redirectOf(restorePurposeAction(idle, form({ id })))).toBe(
      `/purposes/${id}?notice=restored`,
    );
    expect(await purposeByCode(orgId, "archive_me")).toMatchObject({
      archivedAt: null,
      name: { en: "Show your contact to the merchant" },
    });
    expect(await lastAudit(orgId)).toMatchObject({ action: "purpose.restored", targetId: id });
  });
});
