import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  acceptRiskAction,
  linkRiskAction,
  unlinkRiskAction,
} from "@/app/(console)/risks/[id]/actions";
import { updateRiskAction } from "@/app/(console)/risks/[id]/edit/actions";
import { createRiskAction } from "@/app/(console)/risks/new/actions";
import { closeAppDb } from "@/db/client";
import { risks } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { addDays, todayIso } from "@/lib/core/dates";
import { insertVendor } from "@/lib/vendors/test-support";
import { fieldErrorsOf, redirectOf } from "@/tests/action-outcome";
import { lastAudit } from "@/tests/audit";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { acceptanceState } from "./acceptance";
import { acceptancesAwaiting, getRisk, riskHeatMap } from "./queries";

afterAll(closeAppDb);

let orgId: string;
let officerId: string;
let secondOfficerId: string;
let ownerId: string;
const today = todayIso();

const riskForm = (overrides: Record<string, string | undefined> = {}) =>
  form({
    title: "Phone numbers leak through order export",
    ownerId,
    inherentLikelihood: "3",
    inherentImpact: "5",
    residualLikelihood: "2",
    residualImpact: "5",
    treatment: "accept",
    reviewOn: addDays(today, 90),
    ...overrides,
  });
const riskRow = async (id: string) =>
  (
    await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(risks)
        .where(and(eq(risks.orgId, orgId), eq(risks.id, id))),
    )
  )[0];
const create = async (overrides: Record<string, string | undefined> = {}) =>
  /^\/risks\/([0-9a-f-]{36})$/.exec(
    await redirectOf(createRiskAction(idle, riskForm(overrides))),
  )![1];

beforeAll(async () => {
  ({ orgId } = await createOrg());
  [officerId, secondOfficerId, ownerId] = [
    await createMember(orgId, "privacy_officer"),
    await createMember(orgId, "admin"),
    await createMember(orgId, "privacy_officer"),
  ];
});
beforeEach(() => actAs(officerId, orgId));

describe("the register", () => {
  it("scores likelihood × impact and audits the new risk", async () => {
    const id = await create();
    expect(await riskRow(id)).toMatchObject({
      residualScore: 10,
      treatment: "accept",
      acceptanceRequestedBy: officerId,
      acceptedBy: null,
    });
    expect(await lastAudit(orgId)).toMatchObject({
      action: "risk.created",
      targetId: id,
      details: { treatment: "accept", score: 10 },
    });
  });

  it.each([
    [
      "a likelihood off the grid",
      { inherentLikelihood: "6" },
      "inherentLikelihood",
      "errors.tooBig",
    ],
    [
      "a residual above the inherent score",
      { residualLikelihood: "4", residualImpact: "5" },
      "residualImpact",
      "errors.residualAboveInherent",
    ],
    ["an unknown treatment", { treatment: "ignore" }, "treatment", "errors.choice"],
    [
      "an owner who is not a member",
      { ownerId: "0b7e6a52-3c1d-4f6e-9a2b-1c2d3e4f5a6b" },
      "ownerId",
      "errors.ownerNotMember",
    ],
  ])("refuses %s and writes nothing", async (_, overrides, field, message) => {
    const head = await lastAudit(orgId);
    expect(fieldErrorsOf(await createRiskAction(idle, riskForm(overrides)))?.[field]).toBe(message);
    expect((await lastAudit(orgId)).seq).toBe(head.seq);
  });
});

describe("acceptance (four-eyes, expiring)", () => {
  it("cannot be approved by the owner nor by whoever asked for it", async () => {
    const id = await create({ title: "Owner cannot accept" });
    await actAs(ownerId, orgId);
    expect(
      await acceptRiskAction(idle, form({ id, expiresOn: addDays(today, 365) })),
    ).toMatchObject({ status: "error", message: "errors.approverIsOwner" });
    await actAs(officerId, orgId);
    expect(
      await acceptRiskAction(idle, form({ id, expiresOn: addDays(today, 365) })),
    ).toMatchObject({ status: "error", message: "errors.approverIsRequester" });
    expect((await riskRow(id)).acceptedBy).toBeNull();
    expect(
      await withTenant(orgId, (tx) =>
        acceptancesAwaiting(tx, orgId, { userId: officerId, role: "privacy_officer" }),
      ),
    ).not.toContainEqual(expect.objectContaining({ id }));
    expect(
      await withTenant(orgId, (tx) =>
        acceptancesAwaiting(tx, orgId, { userId: secondOfficerId, role: "admin" }),
      ),
    ).toContainEqual(expect.objectContaining({ id }));
  });

  it("is approved by a second person until a future date, then flagged once expired", async () => {
    const id = await create({ title: "Accepted by a second approver" });
    await actAs(secondOfficerId, orgId);
    expect(
      fieldErrorsOf(await acceptRiskAction(idle, form({ id, expiresOn: today })))?.expiresOn,
    ).toBe("errors.acceptanceExpiryNotFuture");
    expect(
      fieldErrorsOf(await acceptRiskAction(idle, form({ id, expiresOn: addDays(today, 4 * 365) })))
        ?.expiresOn,
    ).toBe("errors.acceptanceExpiryTooFar");
    expect((await acceptRiskAction(idle, form({ id, expiresOn: addDays(today, 30) }))).status).toBe(
      "ok",
    );
    const row = await riskRow(id);
    expect(row).toMatchObject({
      acceptedBy: secondOfficerId,
      acceptanceExpiresOn: addDays(today, 30),
    });
    expect(await lastAudit(orgId)).toMatchObject({
      action: "risk.accepted",
      actorId: secondOfficerId,
      details: { expiresOn: addDays(today, 30) },
    });
    expect(acceptanceState(row, today)).toBe("accepted");
    expect(acceptanceState(row, addDays(today, 30))).toBe("expired");
    const later = await withTenant(orgId, (tx) =>
      riskHeatMap(tx, orgId, { all: true }, addDays(today, 30)),
    );
    expect(later.expired).toBe(1);
  });

  it("is asked for again when the residual score changes, and ends with another treatment", async () => {
    const id = await create({ title: "Reopened" });
    await actAs(secondOfficerId, orgId);
    await acceptRiskAction(idle, form({ id, expiresOn: addDays(today, 60) }));
    await actAs(officerId, orgId);
    await redirectOf(
      updateRiskAction(idle, riskForm({ id, title: "Reopened", residualLikelihood: "1" })),
    );
    expect(await riskRow(id)).toMatchObject({
      residualScore: 5,
      acceptedBy: null,
      acceptanceExpiresOn: null,
      acceptanceRequestedBy: officerId,
    });
    await redirectOf(
      updateRiskAction(
        idle,
        riskForm({ id, title: "Reopened", residualLikelihood: "1", treatment: "mitigate" }),
      ),
    );
    expect(await riskRow(id)).toMatchObject({ treatment: "mitigate", acceptanceRequestedBy: null });
  });
});

describe("links and the heat map", () => {
  it("links vendors (refusing another organisation's) and unlinks them, audited", async () => {
    const id = await create({ title: "Linked", treatment: "mitigate" });
    const vendorId = await insertVendor(orgId, { name: "SMS Co" });
    const { orgId: otherOrg } = await createOrg();
    const foreignVendor = await insertVendor(otherOrg, { name: "Elsewhere" });
    expect(
      fieldErrorsOf(
        await linkRiskAction(idle, form({ id, kind: "vendor", targetId: foreignVendor })),
      ),
    ).toEqual({ targetId: "errors.linkTargetUnknown" });
    expect(
      (await linkRiskAction(idle, form({ id, kind: "vendor", targetId: vendorId }))).status,
    ).toBe("ok");
    expect(await lastAudit(orgId)).toMatchObject({
      action: "risk.linked",
      details: { kind: "vendor", targetId: vendorId },
    });
    expect(
      (await withTenant(orgId, (tx) => getRisk(tx, orgId, id, { all: true })))?.vendors,
    ).toEqual([{ id: vendorId, name: "SMS Co" }]);
    expect(
      (await unlinkRiskAction(idle, form({ id, kind: "vendor", targetId: vendorId }))).status,
    ).toBe("ok");
    expect(
      (await withTenant(orgId, (tx) => getRisk(tx, orgId, id, { all: true })))?.vendors,
    ).toEqual([]);
  });

  it("counts risks per residual cell, and a manager's map only their department's", async () => {
    const map = await withTenant(orgId, (tx) => riskHeatMap(tx, orgId, { all: true }, today));
    const total = map.cells.reduce((n, c) => n + c.count, 0);
    expect(total).toBe(
      (await withTenant(orgId, (tx) => tx.select().from(risks).where(eq(risks.orgId, orgId))))
        .length,
    );
    expect(map.cells).toContainEqual({ likelihood: 2, impact: 5, count: expect.any(Number) });
    const managerMap = await withTenant(orgId, (tx) =>
      riskHeatMap(tx, orgId, { all: false, departmentId: null }, today),
    );
    expect(managerMap.cells).toEqual([]);
  });
});
