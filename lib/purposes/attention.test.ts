import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updatePurposeAction } from "@/app/(console)/purposes/[id]/actions";
import { closeAppDb } from "@/db/client";
import { purposes } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { newPurpose } from "@/lib/consent/test-support";
import { fieldErrorsOf, redirectOf } from "@/tests/action-outcome";
import { lastAudit } from "@/tests/audit";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { purposesLackingMechanism } from "./attention";
import { purposeFormValues } from "./form-values";
import { lacksTransferMechanism } from "./rules";
import { purposeByCode } from "./test-support";

// PIPL Art. 38: a purpose saved before the transfer-mechanism field (migration 0019) with a
// destination abroad has none until edited. It is shown as needing attention, and an edit says why it is refused.
afterAll(closeAppDb);

let orgId: string;
let officerId: string;

/** A purpose as migration 0019 left it: a destination and no mechanism (the constraint allows null). */
const legacy = async (code: string, archived = false) => {
  const { id } = await newPurpose(orgId, {
    code,
    bases: { PIPL: "consent" },
    consentKind: "separate",
    archived,
    dataCategories: ["device"],
  });
  await withTenant(orgId, (tx) =>
    tx
      .update(purposes)
      .set({ crossBorderDestination: "SG", separateGrounds: ["cross_border"] })
      .where(eq(purposes.id, id)),
  );
};

beforeAll(async () => {
  ({ orgId } = await createOrg());
  officerId = await createMember(orgId, "privacy_officer");
  await legacy("abroad_old");
  await legacy("abroad_archived", true);
  const { id } = await newPurpose(orgId, {
    code: "abroad_new",
    consentKind: "separate",
    dataCategories: ["device"],
  });
  await withTenant(orgId, (tx) =>
    tx
      .update(purposes)
      .set({
        crossBorderDestination: "SG",
        separateGrounds: ["cross_border"],
        transferMechanism: "standard_contract",
      })
      .where(eq(purposes.id, id)),
  );
  await newPurpose(orgId, { code: "domestic" });
});

describe("cross-border purposes without a transfer mechanism", () => {
  it("lists the active ones only, for the purposes page and the overview", async () => {
    expect(await withTenant(orgId, (tx) => purposesLackingMechanism(tx, orgId))).toEqual([
      { id: expect.any(String), code: "abroad_old" },
    ]);
    expect(lacksTransferMechanism(await purposeByCode(orgId, "abroad_old"))).toBe(true);
    expect(lacksTransferMechanism(await purposeByCode(orgId, "abroad_new"))).toBe(false);
    expect(lacksTransferMechanism(await purposeByCode(orgId, "domestic"))).toBe(false);
  });

  it("refuses an edit that leaves it without one next to the field, writing nothing; naming one clears it", async () => {
    await actAs(officerId, orgId);
    const values = purposeFormValues(await purposeByCode(orgId, "abroad_old"));
    const head = await lastAudit(orgId);
    const state = await updatePurposeAction(idle, form({ ...values, nameEn: "Renamed" }));
    expect(fieldErrorsOf(state)?.transferMechanism).toBe("errors.purposeMechanismRequired");
    expect((await lastAudit(orgId)).seq).toBe(head.seq);
    await redirectOf(
      updatePurposeAction(idle, form({ ...values, transferMechanism: "exemption" })),
    );
    expect(await withTenant(orgId, (tx) => purposesLackingMechanism(tx, orgId))).toEqual([]);
  });
});
