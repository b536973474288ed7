import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  deactivate,
  reactivate,
  resetTwoFactor,
  updateDepartment,
  updateRole,
} from "@/app/(console)/users/[id]/actions";
import { departments, memberships, recoveryCodes, users } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { membershipOf, recoveryCodesOf, snapshot, userRow, peopleOrg } from "./helpers";
import { auditOf, lastAudit } from "@/tests/audit";

let orgId: string;
let ownerId: string;
let adminId: string;
let employeeId: string;

beforeEach(async () => {
  ({ orgId, ownerId, adminId, employeeId } = await peopleOrg());
});

const fieldErrors = (state: Awaited<ReturnType<typeof updateRole>>) =>
  state.status === "error" ? state.fieldErrors : undefined;

describe("role changes", () => {
  it("changes a role and records from and to", async () => {
    await actAs(adminId, orgId);
    expect((await updateRole(idle, form({ userId: employeeId, role: "manager" }))).status).toBe(
      "ok",
    );
    expect((await membershipOf(orgId, employeeId)).role).toBe("manager");
    expect(await lastAudit(orgId)).toMatchObject({
      action: "user.role_changed",
      targetId: employeeId,
      details: { from: "employee", to: "manager" },
    });
  });

  it("keeps the last owner", async () => {
    await actAs(ownerId, orgId);
    const before = await snapshot(orgId, () => membershipOf(orgId, ownerId));
    expect(fieldErrors(await updateRole(idle, form({ userId: ownerId, role: "admin" })))).toEqual({
      role: "errors.lastOwner",
    });
    expect(fieldErrors(await deactivate(idle, form({ userId: ownerId })))).toEqual({
      _form: "errors.lastOwner",
    });
    expect(await snapshot(orgId, () => membershipOf(orgId, ownerId))).toBe(before);
  });

  it("refuses demoting yourself even when another owner remains", async () => {
    const secondOwner = await createMember(orgId, "owner");
    await actAs(secondOwner, orgId);
    const before = await snapshot(orgId, () => membershipOf(orgId, secondOwner));
    expect(
      fieldErrors(await updateRole(idle, form({ userId: secondOwner, role: "admin" }))),
    ).toEqual({ role: "errors.selfChange" });
    expect(await snapshot(orgId, () => membershipOf(orgId, secondOwner))).toBe(before);

    await actAs(adminId, orgId);
    const adminBefore = await snapshot(orgId, () => membershipOf(orgId, adminId));
    expect(
      fieldErrors(await updateRole(idle, form({ userId: adminId, role: "employee" }))),
    ).toEqual({ role: "errors.selfChange" });
    expect(fieldErrors(await deactivate(idle, form({ userId: adminId })))).toEqual({
      _form: "errors.selfChange",
    });
    expect(await snapshot(orgId, () => membershipOf(orgId, adminId))).toBe(adminBefore);
  });

  it("lets an owner demote another owner", async () => {
    const secondOwner = await createMember(orgId, "owner");
    await actAs(ownerId, orgId);
    expect((await updateRole(idle, form({ userId: secondOwner, role: "admin" }))).status).toBe(
      "ok",
    );
    expect(await lastAudit(orgId)).toMatchObject({
      action: "user.role_changed",
      details: { from: "owner", to: "admin" },
    });
  });

  it("does not let an admin grant the owner role or touch an owner", async () => {
    await actAs(adminId, orgId);
    const before = await snapshot(orgId, async () => [
      await membershipOf(orgId, ownerId),
      await membershipOf(orgId, employeeId),
      await userRow(ownerId),
    ]);
    expect(
      fieldErrors(await updateRole(idle, form({ userId: employeeId, role: "owner" }))),
    ).toEqual({ role: "errors.ownerOnly" });
    expect(
      fieldErrors(await updateRole(idle, form({ userId: ownerId, role: "employee" }))),
    ).toEqual({ _form: "errors.ownerOnly" });
    expect(fieldErrors(await deactivate(idle, form({ userId: ownerId })))).toEqual({
      _form: "errors.ownerOnly",
    });
    expect(fieldErrors(await resetTwoFactor(idle, form({ userId: ownerId })))).toEqual({
      _form: "errors.ownerOnly",
    });
    expect(
      fieldErrors(await updateDepartment(idle, form({ userId: ownerId, departmentId: "" }))),
    ).toEqual({ _form: "errors.ownerOnly" });
    expect(
      await snapshot(orgId, async () => [
        await membershipOf(orgId, ownerId),
        await membershipOf(orgId, employeeId),
        await userRow(ownerId),
      ]),
    ).toBe(before);
  });

  it("refuses an unchanged role without writing", async () => {
    await actAs(adminId, orgId);
    const before = await snapshot(orgId);
    expect(
      fieldErrors(await updateRole(idle, form({ userId: employeeId, role: "employee" }))),
    ).toEqual({ role: "errors.unchanged" });
    expect(await snapshot(orgId)).toBe(before);
  });
});

describe("department, deactivation and reactivation", () => {
  it("moves a member between departments of this organisation", async () => {
    const [dept] = await withTenant(orgId, (tx) =>
      tx.insert(departments).values({ orgId, name: "Support" }).returning(),
    );
    await actAs(adminId, orgId);
    expect(
      (await updateDepartment(idle, form({ userId: employeeId, departmentId: dept.id }))).status,
    ).toBe("ok");
    expect((await membershipOf(orgId, employeeId)).departmentId).toBe(dept.id);
    expect(await lastAudit(orgId)).toMatchObject({
      action: "user.department_changed",
      targetId: employeeId,
      details: { from: null, to: dept.id },
    });
    expect(
      (await updateDepartment(idle, form({ userId: employeeId, departmentId: "" }))).status,
    ).toBe("ok");
    expect((await membershipOf(orgId, employeeId)).departmentId).toBeNull();
  });

  it("deactivates and reactivates, and a deactivated member no longer resolves as a member", async () => {
    await actAs(adminId, orgId);
    expect((await deactivate(idle, form({ userId: employeeId }))).status).toBe("ok");
    expect((await membershipOf(orgId, employeeId)).deactivatedAt).not.toBeNull();
    expect((await lastAudit(orgId)).action).toBe("user.deactivated");
    await expect(actAs(employeeId, orgId)).rejects.toThrow("no such member");

    const before = await snapshot(orgId);
    expect(fieldErrors(await deactivate(idle, form({ userId: employeeId })))).toEqual({
      _form: "errors.alreadyDeactivated",
    });
    expect(await snapshot(orgId)).toBe(before);

    expect((await reactivate(idle, form({ userId: employeeId }))).status).toBe("ok");
    expect((await membershipOf(orgId, employeeId)).deactivatedAt).toBeNull();
    expect((await lastAudit(orgId)).action).toBe("user.reactivated");
  });
});

describe("2FA reset", () => {
  it("clears the second factor and recovery codes and ends sessions", async () => {
    const dpo = await createMember(orgId, "privacy_officer");
    await withoutTenant(async (tx) => {
      await tx
        .update(users)
        .set({ totpSecret: Buffer.from("secret"), totpEnabledAt: new Date(), totpLastStep: 42 })
        .where(eq(users.id, dpo));
      await tx.insert(recoveryCodes).values([
        { userId: dpo, codeHash: "a" },
        { userId: dpo, codeHash: "b" },
      ]);
    });
    await actAs(adminId, orgId);
    expect((await resetTwoFactor(idle, form({ userId: dpo }))).status).toBe("ok");
    const user = await userRow(dpo);
    expect(user).toMatchObject({
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      sessionVersion: 2,
    });
    expect(await recoveryCodesOf(dpo)).toHaveLength(0);
    expect(await lastAudit(orgId)).toMatchObject({
      action: "auth.mfa_reset",
      targetId: dpo,
      details: { recoveryCodesRemoved: 2 },
    });
  });

  it("refuses to reset the second factor of a person who is also active in another organisation", async () => {
    // The reviewed attack: an admin of this organisation invites another organisation's owner,
    // then tries to strip the owner's second factor, which is global to the account.
    const other = await createOrg();
    await withoutTenant((tx) =>
      tx
        .update(users)
        .set({ totpSecret: Buffer.from("secret"), totpEnabledAt: new Date() })
        .where(eq(users.id, other.ownerId)),
    );
    await withTenant(orgId, (tx) =>
      tx.insert(memberships).values({ orgId, userId: other.ownerId, role: "employee" }),
    );
    await actAs(adminId, orgId);
    const before = await snapshot(orgId, () => userRow(other.ownerId));
    expect(fieldErrors(await resetTwoFactor(idle, form({ userId: other.ownerId })))).toEqual({
      _form: "errors.mfaResetSharedAccount",
    });
    expect(await snapshot(orgId, () => userRow(other.ownerId))).toBe(before);
    expect((await userRow(other.ownerId)).totpEnabledAt).not.toBeNull();
  });

  it("refuses resetting your own second factor here", async () => {
    await actAs(adminId, orgId);
    const before = await snapshot(orgId, () => userRow(adminId));
    expect(fieldErrors(await resetTwoFactor(idle, form({ userId: adminId })))).toEqual({
      _form: "errors.selfMfaReset",
    });
    expect(await snapshot(orgId, () => userRow(adminId))).toBe(before);
  });
});

describe("tenancy", () => {
  it("treats a member of another organisation as not found and writes nothing anywhere", async () => {
    const other = await createOrg();
    const outsider = await createMember(other.orgId, "employee");
    await actAs(adminId, orgId);
    const here = await snapshot(orgId);
    const there = await snapshot(other.orgId, async () => [
      await membershipOf(other.orgId, outsider),
      await userRow(outsider),
    ]);
    for (const state of [
      await updateRole(idle, form({ userId: outsider, role: "manager" })),
      await updateDepartment(idle, form({ userId: outsider, departmentId: "" })),
      await deactivate(idle, form({ userId: outsider })),
      await reactivate(idle, form({ userId: outsider })),
      await resetTwoFactor(idle, form({ userId: outsider })),
    ]) {
      expect(state).toMatchObject({ status: "error", message: "errors.notFound" });
    }
    expect(await snapshot(orgId)).toBe(here);
    expect(
      await snapshot(other.orgId, async () => [
        await membershipOf(other.orgId, outsider),
        await userRow(outsider),
      ]),
    ).toBe(there);
    expect((await auditOf(other.orgId)).every((e) => e.actorId !== adminId)).toBe(true);
  });
});
