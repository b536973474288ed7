import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { updatePurposeAction } from "@/app/(console)/purposes/[id]/actions";
import { createPurposeAction } from "@/app/(console)/purposes/new/actions";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { formDataToObject } from "@/lib/core/actions/form-data";
import { idle } from "@/lib/core/actions/state";
import { tenantContext } from "@/lib/core/tenancy/context";
import { checkConsent, newCustomer, systemAudit } from "@/lib/consent/test-support";
import { recordConsentBatch } from "@/lib/consent/record";
import { insertVendor } from "@/lib/vendors/test-support";
import { redirectOf } from "@/tests/action-outcome";
import { auditOf, lastAudit } from "@/tests/audit";
import { actAs, form, orgWithOfficer } from "@/tests/factories";
import { updatePurpose } from "./commands";
import { purposeFormValues } from "./form-values";
import { purposeUpdateSchema } from "./schemas";
import { purposeByCode, purposeForm } from "./test-support";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;

beforeAll(async () => {
  ({ orgId, officerId } = await orgWithOfficer());
});
beforeEach(() => actAs(officerId, orgId));

/** A standard-consent purpose with `granted` customers granting and one withdrawing; returns their references. */
async function purposeWithGrants(
  code: string,
  granted: number,
  overrides: Record<string, string | string[]> = {},
) {
  await redirectOf(
    createPurposeAction(
      idle,
      purposeForm({
        identifier: code,
        consentKind: "standard",
        separateGrounds: undefined,
        dataCategories: ["contact"],
        ...overrides,
      }),
    ),
  );
  const purpose = await purposeByCode(orgId, code);
  const people = await Promise.all(Array.from({ length: granted + 1 }, () => newCustomer(orgId)));
  await withTenant(orgId, (tx) =>
    recordConsentBatch(
      tx,
      orgId,
      people.map((c, i) => ({
        customerId: c.id,
        purposeId: purpose.id,
        action: i < granted ? ("grant" as const) : ("withdraw" as const),
        occurredAt: "2026-11-01T00:00:00Z",
        channel: "app" as const,
        source: "platform_api" as const,
      })),
      systemAudit(tx, orgId),
    ),
  );
  return people.map((c) => c.externalRef);
}

const editForm = async (code: string, overrides: Record<string, string | string[] | undefined>) =>
  form({ ...purposeFormValues(await purposeByCode(orgId, code)), ...overrides });

describe("a material change to a consent-based purpose (PIPL Art. 14)", () => {
  it.each([
    ["its data categories", { dataCategories: ["contact", "preferences"] }],
    ["its basis", { basisPIPL: "contract" }],
  ])(
    "changing %s is refused until confirmed, telling how many customers hold a current grant; nothing is written",
    async (_what, change) => {
      const code = `reconsent_${Object.keys(change)[0].toLowerCase()}`;
      await purposeWithGrants(code, 3);
      const [before, head] = [await purposeByCode(orgId, code), await lastAudit(orgId)];

      const state = await updatePurposeAction(idle, await editForm(code, change));
      expect(state).toMatchObject({
        status: "error",
        message: "errors.purposeReconsentConfirm",
        fieldErrors: { confirmReconsent: "errors.purposeReconsentConfirm" },
      });
      // The number the message shows: three grants, the withdrawal not counted.
      const input = purposeUpdateSchema.parse(formDataToObject(await editForm(code, change)));
      const refusal = await withTenant(orgId, (tx) =>
        updatePurpose(tenantContext(tx, orgId, { type: "user", id: officerId }), input),
      ).catch((e: unknown) => e);
      expect(refusal).toMatchObject({ code: "invalid", messageValues: { count: 3 } });
      expect(await purposeByCode(orgId, code)).toEqual(before);
      expect((await lastAudit(orgId)).seq).toBe(head.seq);
    },
  );

  it("once confirmed, saves the change, asks the grants given before it again, and audits the count in the same transaction", async () => {
    const refs = await purposeWithGrants("newsletter", 2);
    const vendor = await insertVendor(orgId, {
      name: "Mail Co",
      handlerRole: "entrusted_processor",
    });
    expect(
      await withTenant(orgId, (tx) => checkConsent(tx, orgId, refs[0], "newsletter")),
    ).toMatchObject({ allowed: true });
    const head = await lastAudit(orgId);

    await redirectOf(
      updatePurposeAction(
        idle,
        await editForm("newsletter", { recipientVendorIds: [vendor], confirmReconsent: "true" }),
      ),
    );
    const after = await purposeByCode(orgId, "newsletter");
    expect(after).toMatchObject({ recipientVendorIds: [vendor] });
    expect(after.reconsentSince).not.toBeNull();
    expect(
      await withTenant(orgId, (tx) => checkConsent(tx, orgId, refs[0], "newsletter")),
    ).toMatchObject({ allowed: false, reason: "reconsent_required" });

    const events = (await auditOf(orgId)).filter((e) => e.seq > head.seq);
    expect(events.map((e) => [e.action, e.details])).toEqual([
      ["purpose.updated", { code: "newsletter", fields: ["recipientVendorIds"] }],
      [
        "purpose.reconsent_required",
        { code: "newsletter", fields: ["recipientVendorIds"], customers: 2 },
      ],
    ]);
    // Only a number: no customer's id or reference is in the audit trail.
    expect(JSON.stringify(events)).not.toMatch(new RegExp(refs.join("|")));

    // Since the mark nobody holds a current grant: a further change asks no one to confirm, and still marks the purpose.
    await redirectOf(
      updatePurposeAction(
        idle,
        await editForm("newsletter", { dataCategories: ["contact", "preferences"] }),
      ),
    );
    expect(await purposeByCode(orgId, "newsletter")).toMatchObject({
      dataCategories: ["contact", "preferences"],
    });
    expect(await lastAudit(orgId)).toMatchObject({
      action: "purpose.reconsent_required",
      details: { customers: 0 },
    });
  });

  it("needs no confirmation for a change that asks nobody again, nor for a change of wording", async () => {
    await purposeWithGrants("wording_only", 1);
    await redirectOf(
      updatePurposeAction(idle, await editForm("wording_only", { nameEn: "Better words" })),
    );
    expect(await purposeByCode(orgId, "wording_only")).toMatchObject({
      reconsentSince: null,
      name: { en: "Better words" },
    });
    expect(await lastAudit(orgId)).toMatchObject({
      action: "purpose.updated",
      details: { fields: ["name"] },
    });

    // A contract purpose asks no consent: its changes re-ask nobody.
    await purposeWithGrants("orders", 1, { basisPIPL: "contract", required: "true" });
    await redirectOf(
      updatePurposeAction(
        idle,
        await editForm("orders", { dataCategories: ["contact", "transactions"] }),
      ),
    );
    expect(await purposeByCode(orgId, "orders")).toMatchObject({
      reconsentSince: null,
      dataCategories: ["contact", "transactions"],
    });
  });
});
