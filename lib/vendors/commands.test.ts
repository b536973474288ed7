import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { archiveVendorAction, restoreVendorAction } from "@/app/(console)/vendors/[id]/actions";
import { updateVendorAction } from "@/app/(console)/vendors/[id]/edit/actions";
import { createVendorAction } from "@/app/(console)/vendors/new/actions";
import { closeAppDb } from "@/db/client";
import { idle } from "@/lib/core/actions/state";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { addMonths, todayIso } from "@/lib/core/dates";
import { vendorFormValues } from "./form-values";
import type { Vendor } from "./queries";
import { insertVendor, vendorById, vendorForm, vendorsOf } from "./test-support";
import { redirectOf, fieldErrorsOf } from "@/tests/action-outcome";
import { lastAudit } from "@/tests/audit";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let employeeId: string;

beforeAll(async () => {
  ({ orgId } = await createOrg());
  [officerId, employeeId] = await Promise.all([
    createMember(orgId, "privacy_officer"),
    createMember(orgId, "employee"),
  ]);
});
beforeEach(() => actAs(officerId, orgId));

describe("creating a vendor", () => {
  it.each([
    ["a missing name", { name: "" }, "name", "errors.required"],
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
    ["an unknown region", { country: "XX" }, "country", "errors.choice"],
    ["no role under PIPL", { handlerRole: undefined }, "handlerRole", "errors.choice"],
    ["an unknown role", { handlerRole: "controller" }, "handlerRole", "errors.choice"],
    [
      "an unanswered risk question",
      { "risk.incidents": undefined },
      "risk.incidents",
      "errors.choice",
    ],
    [
      "a signed DPA without its date",
      { dpaStatus: "signed" },
      "dpaSignedOn",
      "errors.dpaSignedRequired",
    ],
    [
      "an expiry before the signing",
      { dpaStatus: "signed", dpaSignedOn: "2026-03-01", dpaExpiresOn: "2026-02-01" },
      "dpaExpiresOn",
      "errors.dateOrder",
    ],
    ["a malformed email", { contactEmail: "not-an-email" }, "contactEmail", "errors.email"],
    ["a cadence of zero", { reviewCadenceMonths: "0" }, "reviewCadenceMonths", "errors.tooSmall"],
  ])("refuses %s on the field and writes nothing", async (_name, overrides, field, message) => {
    const [vendorsBefore, headBefore] = [await vendorsOf(orgId), await lastAudit(orgId)];
    const state = await createVendorAction(idle, vendorForm(overrides));
    expect(state.status).toBe("error");
    expect(fieldErrorsOf(state)?.[field]).toBe(message);
    expect(state.status === "error" && state.values?.service).toBe("SMS verification codes");
    expect(await vendorsOf(orgId)).toEqual(vendorsBefore);
    expect((await lastAudit(orgId)).seq).toBe(headBefore.seq);
  });

  it("reports every problem at once, the DPA rules included", async () => {
    const state = await createVendorAction(
      idle,
      vendorForm({ name: "", dpaStatus: "signed", "risk.volume": undefined }),
    );
    expect(fieldErrorsOf(state)).toEqual({
      name: "errors.required",
      "risk.volume": "errors.choice",
      dpaSignedOn: "errors.dpaSignedRequired",
    });
  });

  it("stores the vendor with its computed risk and review date, audited", async () => {
    const path = await redirectOf(
      createVendorAction(
        idle,
        vendorForm({
          name: "  Twilio  ",
          handlerRole: "independent_handler",
          crossBorder: "true",
          sensitiveData: "true",
          dataCategories: ["contact", "device", "national_id"],
          dpaStatus: "signed",
          dpaSignedOn: "2026-01-10",
          dpaExpiresOn: "2030-01-10",
          lastReviewedOn: "2026-02-01",
        }),
      ),
    );
    const id = /^\/vendors\/([0-9a-f-]{36})\?notice=created$/.exec(path)?.[1];
    expect(id).toBeDefined();
    const vendor = await vendorById(orgId, id!);
    expect(vendor).toMatchObject({
      name: "Twilio",
      handlerRole: "independent_handler",
      crossBorder: true,
      sensitiveData: true,
      dataCategories: ["contact", "device", "national_id"],
      dpaStatus: "signed",
      riskScore: 9,
      riskTier: "medium",
      reviewCadenceMonths: 12,
      lastReviewedOn: "2026-02-01",
      nextReviewOn: "2027-02-01",
    });
    expect(await lastAudit(orgId)).toMatchObject({
      action: "vendor.created",
      targetType: "vendor",
      targetId: id,
      actorType: "user",
      actorId: officerId,
    });
  });

  it("drops DPA dates when there is no DPA, and defaults the review to today plus the tier's cadence", async () => {
    await redirectOf(
      createVendorAction(idle, vendorForm({ name: "No DPA Co", dpaSignedOn: "2026-01-01" })),
    );
    const vendor = (await vendorsOf(orgId)).find((v) => v.name === "No DPA Co")!;
    expect(vendor).toMatchObject({
      dpaSignedOn: null,
      riskTier: "low",
      reviewCadenceMonths: 24,
      nextReviewOn: addMonths(todayIso(), 24),
    });
  });

  it("refuses a department of another organisation", async () => {
    const other = await createOrg();
    const state = await createVendorAction(idle, vendorForm({ ownerDepartmentId: other.orgId }));
    expect(fieldErrorsOf(state)).toEqual({ ownerDepartmentId: "errors.choice" });
  });

  it("refuses an employee and writes nothing", async () => {
    await actAs(employeeId, orgId);
    const headBefore = await lastAudit(orgId);
    expect(await createVendorAction(idle, vendorForm({ name: "Sneaky" }))).toMatchObject({
      status: "error",
      message: "errors.forbidden",
    });
    expect((await vendorsOf(orgId)).some((v) => v.name === "Sneaky")).toBe(false);
    expect((await lastAudit(orgId)).seq).toBe(headBefore.seq);
  });
});

describe("editing a vendor", () => {
  // The edit page's own prefill, so these tests also check that an untouched form changes nothing.
  const editForm = (
    vendor: Vendor,
    overrides: Record<string, string | string[] | undefined> = {},
  ) => form({ ...vendorFormValues(vendor).values, ...overrides });

  it("audits the names of the changed fields, never their values", async () => {
    const id = await insertVendor(orgId);
    const before = await vendorById(orgId, id);
    const path = await redirectOf(
      updateVendorAction(
        idle,
        editForm(before, {
          name: "Acme Messaging",
          contactEmail: "dpo@acme.example",
          "risk.incidents": "breach",
        }),
      ),
    );
    expect(path).toBe(`/vendors/${id}?notice=updated`);
    const after = await vendorById(orgId, id);
    expect(after).toMatchObject({
      name: "Acme Messaging",
      contactEmail: "dpo@acme.example",
      riskTier: "high",
    });
    expect(after.updatedAt).not.toBe(before.updatedAt);
    const event = await lastAudit(orgId);
    expect(event).toMatchObject({ action: "vendor.updated", targetId: id, actorId: officerId });
    expect((event.details.fields as string[]).sort()).toEqual(
      ["contactEmail", "name", "riskAnswers", "riskScore", "riskTier"].sort(),
    );
    const details = JSON.stringify(event.details);
    for (const value of ["Acme Messaging", "dpo@acme.example", "breach"])
      expect(details).not.toContain(value);
  });

  it("records a save without changes as such, and leaves the row alone", async () => {
    const id = await insertVendor(orgId);
    const before = await vendorById(orgId, id);
    await redirectOf(updateVendorAction(idle, editForm(before)));
    expect(await vendorById(orgId, id)).toEqual(before);
    expect(await lastAudit(orgId)).toMatchObject({
      action: "vendor.updated",
      targetId: id,
      details: { fields: [] },
    });
  });

  it("refuses an edit made on an outdated version, and writes nothing", async () => {
    const id = await insertVendor(orgId);
    const before = await vendorById(orgId, id);
    const headBefore = await lastAudit(orgId);
    const state = await updateVendorAction(
      idle,
      editForm(before, { version: "2000-01-01 00:00:00+00", name: "Overwrite" }),
    );
    expect(state).toMatchObject({ status: "error", message: "errors.conflict" });
    expect(await vendorById(orgId, id)).toEqual(before);
    expect((await lastAudit(orgId)).seq).toBe(headBefore.seq);
  });

  it("cannot reach a vendor of another organisation", async () => {
    const other = await createOrg();
    const theirs = await insertVendor(other.orgId, { name: "Theirs" });
    expect(
      await updateVendorAction(
        idle,
        editForm(await vendorById(other.orgId, theirs), { name: "Mine now" }),
      ),
    ).toMatchObject({ status: "error", message: "errors.notFound" });
    expect((await vendorById(other.orgId, theirs)).name).toBe("Theirs");
  });
});

describe("archiving and restoring", () => {
  it("archives and restores, each audited, and refuses doing either twice", async () => {
    const id = await insertVendor(orgId);
    expect(await redirectOf(archiveVendorAction(idle, form({ id })))).toBe(
      `/vendors/${id}?notice=archived`,
    );
    expect((await vendorById(orgId, id)).archivedAt).not.toBeNull();
    expect(await lastAudit(orgId)).toMatchObject({
      action: "vendor.archived",
      targetId: id,
      actorId: officerId,
    });

    expect(await archiveVendorAction(idle, form({ id }))).toMatchObject({
      status: "error",
      message: "errors.conflict",
    });

    await redirectOf(restoreVendorAction(idle, form({ id })));
    expect((await vendorById(orgId, id)).archivedAt).toBeNull();
    expect(await lastAudit(orgId)).toMatchObject({ action: "vendor.restored", targetId: id });
    expect(await restoreVendorAction(idle, form({ id }))).toMatchObject({
      status: "error",
      message: "errors.conflict",
    });
  });

  it("refuses an employee", async () => {
    const id = await insertVendor(orgId);
    await actAs(employeeId, orgId);
    expect(await archiveVendorAction(idle, form({ id }))).toMatchObject({
      status: "error",
      message: "errors.forbidden",
    });
    expect((await vendorById(orgId, id)).archivedAt).toBeNull();
  });
});
