import { beforeEach, describe, expect, it } from "vitest";
import { remove, update } from "@/app/(console)/departments/[id]/actions";
import { create } from "@/app/(console)/departments/actions";
import { updateDepartment as moveMember } from "@/app/(console)/users/[id]/actions";
import { revokeInvitationAction } from "@/app/(console)/users/actions";
import { invite } from "@/app/(console)/users/invite/actions";
import { invitations } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { insertVendor } from "@/lib/vendors/test-support";
import { departmentsOf, snapshot } from "./helpers";
import { lastAudit } from "@/tests/audit";

let orgId: string;
let adminId: string;
let managerId: string;

beforeEach(async () => {
  ({ orgId } = await createOrg());
  adminId = await createMember(orgId, "admin");
  managerId = await createMember(orgId, "manager");
  await actAs(adminId, orgId);
});

const errorsOf = (state: Awaited<ReturnType<typeof create>>) =>
  state.status === "error" ? state.fieldErrors : undefined;

/** Expects a redirect (thrown by next/navigation) to `path`. */
async function expectRedirect(promise: Promise<unknown>, path: string) {
  await expect(promise).rejects.toMatchObject({ digest: expect.stringContaining(`;${path};`) });
}

async function createDepartment(name: string, headUserId = ""): Promise<string> {
  expect((await create(idle, form({ name, headUserId }))).status).toBe("ok");
  return (await departmentsOf(orgId)).find((d) => d.name === name.trim())!.id;
}

describe("departments", () => {
  it("creates with a head, audited", async () => {
    const id = await createDepartment("  Customer Care ", managerId);
    const [row] = await departmentsOf(orgId);
    expect(row).toMatchObject({ id, name: "Customer Care", headUserId: managerId });
    expect(await lastAudit(orgId)).toMatchObject({
      action: "department.created",
      targetType: "department",
      targetId: id,
    });
  });

  it("refuses a duplicate name on the field and writes nothing", async () => {
    await createDepartment("Legal");
    const before = await snapshot(orgId, () => departmentsOf(orgId));
    expect(errorsOf(await create(idle, form({ name: "Legal", headUserId: "" })))).toEqual({
      name: "errors.departmentNameTaken",
    });
    expect(await snapshot(orgId, () => departmentsOf(orgId))).toBe(before);
  });

  it("allows the same name in another organisation", async () => {
    await createDepartment("Legal");
    const other = await createOrg();
    await actAs(other.ownerId, other.orgId);
    expect((await create(idle, form({ name: "Legal" }))).status).toBe("ok");
  });

  it("refuses a head who is not a member here", async () => {
    const other = await createOrg();
    const before = await snapshot(orgId, () => departmentsOf(orgId));
    expect(errorsOf(await create(idle, form({ name: "Ops", headUserId: other.ownerId })))).toEqual({
      headUserId: "errors.choice",
    });
    expect(await snapshot(orgId, () => departmentsOf(orgId))).toBe(before);
  });

  it("renames and sets the head, recording the changed field names", async () => {
    const id = await createDepartment("Tech");
    await createDepartment("Support");
    expect(
      (await update(idle, form({ id, name: "Engineering", headUserId: managerId }))).status,
    ).toBe("ok");
    expect((await departmentsOf(orgId)).find((d) => d.id === id)).toMatchObject({
      name: "Engineering",
      headUserId: managerId,
    });
    expect(await lastAudit(orgId)).toMatchObject({
      action: "department.updated",
      targetId: id,
      details: { fields: ["name", "headUserId"] },
    });

    const before = await snapshot(orgId, () => departmentsOf(orgId));
    expect(
      errorsOf(await update(idle, form({ id, name: "Support", headUserId: managerId }))),
    ).toEqual({ name: "errors.departmentNameTaken" });
    expect(
      errorsOf(await update(idle, form({ id, name: "Engineering", headUserId: managerId }))),
    ).toEqual({ _form: "errors.unchanged" });
    expect(await snapshot(orgId, () => departmentsOf(orgId))).toBe(before);
  });

  it("deletes only an empty department", async () => {
    const id = await createDepartment("Marketing");
    expect((await moveMember(idle, form({ userId: managerId, departmentId: id }))).status).toBe(
      "ok",
    );
    const before = await snapshot(orgId, () => departmentsOf(orgId));
    expect(errorsOf(await remove(idle, form({ id })))).toEqual({ _form: "errors.departmentInUse" });
    expect(await snapshot(orgId, () => departmentsOf(orgId))).toBe(before);

    expect((await moveMember(idle, form({ userId: managerId, departmentId: "" }))).status).toBe(
      "ok",
    );
    await expectRedirect(remove(idle, form({ id })), "/departments?deleted=1");
    expect(await departmentsOf(orgId)).toHaveLength(0);
    expect(await lastAudit(orgId)).toMatchObject({ action: "department.deleted", targetId: id });
  });

  it("refuses to delete a department that owns vendors, and writes nothing", async () => {
    const id = await createDepartment("Procurement");
    await insertVendor(orgId, { ownerDepartmentId: id });
    const before = await snapshot(orgId, () => departmentsOf(orgId));
    expect(errorsOf(await remove(idle, form({ id })))).toEqual({
      _form: "errors.departmentOwnsVendors",
    });
    expect(await snapshot(orgId, () => departmentsOf(orgId))).toBe(before);
  });

  it("refuses to delete a department an open invitation places someone in; a revoked one no longer holds it", async () => {
    const id = await createDepartment("Field Sales");
    expect(
      (
        await invite(
          idle,
          form({
            email: `sales-${Date.now()}@test.example`,
            name: "New Hire",
            role: "employee",
            departmentId: id,
          }),
        )
      ).status,
    ).toBe("ok");
    const before = await snapshot(orgId, () => departmentsOf(orgId));
    expect(errorsOf(await remove(idle, form({ id })))).toEqual({
      _form: "errors.departmentHasInvitations",
    });
    expect(await snapshot(orgId, () => departmentsOf(orgId))).toBe(before);

    const [invitation] = await withTenant(orgId, (tx) => tx.select().from(invitations));
    expect((await revokeInvitationAction(idle, form({ invitationId: invitation.id }))).status).toBe(
      "ok",
    );
    await expectRedirect(remove(idle, form({ id })), "/departments?deleted=1");
    expect(await departmentsOf(orgId)).toHaveLength(0);
    // The revoked invitation stays as history, without the department it named.
    expect((await withTenant(orgId, (tx) => tx.select().from(invitations)))[0]).toMatchObject({
      id: invitation.id,
      departmentId: null,
    });
  });

  it("cannot reach another organisation's department", async () => {
    const other = await createOrg();
    await actAs(other.ownerId, other.orgId);
    const [foreign] = await (async () => {
      await create(idle, form({ name: "Theirs" }));
      return departmentsOf(other.orgId);
    })();
    await actAs(adminId, orgId);
    const there = await snapshot(other.orgId, () => departmentsOf(other.orgId));
    expect(await update(idle, form({ id: foreign.id, name: "Mine" }))).toMatchObject({
      status: "error",
      message: "errors.notFound",
    });
    expect(await remove(idle, form({ id: foreign.id }))).toMatchObject({
      status: "error",
      message: "errors.notFound",
    });
    expect(await snapshot(other.orgId, () => departmentsOf(other.orgId))).toBe(there);
  });

  it("is refused to roles without departments.manage", async () => {
    await actAs(managerId, orgId);
    const before = await snapshot(orgId, () => departmentsOf(orgId));
    expect(await create(idle, form({ name: "Shadow IT" }))).toMatchObject({
      status: "error",
      message: "errors.forbidden",
    });
    expect(await snapshot(orgId, () => departmentsOf(orgId))).toBe(before);
  });
});
