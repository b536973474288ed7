import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { updateVendorAction } from "@/app/(console)/vendors/[id]/edit/actions";
import { createPurposeAction } from "@/app/(console)/purposes/new/actions";
import { closeAppDb } from "@/db/client";
import { idle } from "@/lib/core/actions/state";
import { purposeForm } from "@/lib/purposes/test-support";
import { fieldErrorsOf, redirectOf } from "@/tests/action-outcome";
import { lastAudit } from "@/tests/audit";
import { actAs, form, orgWithOfficer } from "@/tests/factories";
import { vendorFormValues } from "./form-values";
import { insertVendor, vendorById } from "./test-support";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;

beforeAll(async () => {
  ({ orgId, officerId } = await orgWithOfficer());
});
beforeEach(() => actAs(officerId, orgId));

const editForm = async (id: string, overrides: Record<string, string>) =>
  form({ ...vendorFormValues(await vendorById(orgId, id)).values, ...overrides });

describe("a vendor's role and country, as its purposes' rules read them", () => {
  it("refuses a change that would break a purpose naming the vendor, names the purpose, and writes nothing", async () => {
    const sms = await insertVendor(orgId, { name: "SMS Co", handlerRole: "entrusted_processor" });
    await redirectOf(
      createPurposeAction(
        idle,
        purposeForm({
          identifier: "texts",
          consentKind: "standard",
          separateGrounds: undefined,
          recipientVendorIds: [sms],
        }),
      ),
    );
    const [before, head] = [await vendorById(orgId, sms), await lastAudit(orgId)];

    // Its own handler on standard consent would need separate consent (PIPL Art. 23); abroad, a destination (Arts. 38–39).
    expect(
      fieldErrorsOf(
        await updateVendorAction(idle, await editForm(sms, { handlerRole: "independent_handler" })),
      ),
    ).toEqual({ handlerRole: "errors.vendorBreaksPurpose" });
    expect(
      fieldErrorsOf(
        await updateVendorAction(
          idle,
          await editForm(sms, { country: "US", handlerRole: "joint_handler" }),
        ),
      ),
    ).toEqual({ handlerRole: "errors.vendorBreaksPurpose", country: "errors.vendorBreaksPurpose" });
    expect(await vendorById(orgId, sms)).toEqual(before);
    expect((await lastAudit(orgId)).seq).toBe(head.seq);
  });

  it("allows it where no purpose's rule changes: a purpose already asking separate consent to share, or none naming the vendor", async () => {
    const partner = await insertVendor(orgId, {
      name: "Partner Co",
      handlerRole: "entrusted_processor",
    });
    await redirectOf(
      createPurposeAction(
        idle,
        purposeForm({ identifier: "partner_offers", recipientVendorIds: [partner] }),
      ),
    );
    await redirectOf(
      updateVendorAction(idle, await editForm(partner, { handlerRole: "independent_handler" })),
    );
    expect(await vendorById(orgId, partner)).toMatchObject({ handlerRole: "independent_handler" });

    const unused = await insertVendor(orgId, {
      name: "Unused Co",
      handlerRole: "entrusted_processor",
    });
    await redirectOf(
      updateVendorAction(
        idle,
        await editForm(unused, { handlerRole: "joint_handler", country: "SG" }),
      ),
    );
    expect(await vendorById(orgId, unused)).toMatchObject({
      handlerRole: "joint_handler",
      country: "SG",
    });
  });
});
