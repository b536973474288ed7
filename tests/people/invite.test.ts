import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { invite } from "@/app/(console)/users/invite/actions";
import { departments, users } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { verifyPassword } from "@/lib/core/auth/password";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { membershipOf, snapshot, userRow, peopleOrg } from "./helpers";
import { lastAudit } from "@/tests/audit";

let orgId: string;
let ownerId: string;
let adminId: string;
let employeeId: string;

beforeEach(async () => {
  ({ orgId, ownerId, adminId, employeeId } = await peopleOrg());
});

const fieldErrors = (state: Awaited<ReturnType<typeof invite>>) => (state.status === "error" ? state.fieldErrors : undefined);

describe("invite", () => {
  it("creates an account with a one-time temporary password that must be changed, audited without it", async () => {
    await actAs(adminId, orgId);
    const state = await invite(idle, form({ email: "New.Person@Test.example", name: "New Person", role: "manager", departmentId: "" }));
    expect(state.status).toBe("ok");
    const data = (state as { data: { userId: string; temporaryPassword: string } }).data;
    expect(data.temporaryPassword.replace(/-/g, "").length).toBeGreaterThanOrEqual(16);

    const user = await userRow(data.userId);
    expect(user.email).toBe("new.person@test.example");
    expect(user.mustChangePassword).toBe(true);
    expect(user.passwordHash).not.toContain(data.temporaryPassword);
    expect(await verifyPassword(user.passwordHash, data.temporaryPassword)).toBe(true);
    expect((await membershipOf(orgId, data.userId)).role).toBe("manager");

    const event = await lastAudit(orgId);
    expect(event.action).toBe("user.invited");
    expect(event.targetId).toBe(data.userId);
    expect(event.details).toEqual({ role: "manager", newAccount: true });
    expect(JSON.stringify(event)).not.toContain(data.temporaryPassword);
    expect(JSON.stringify(event)).not.toContain("new.person");
  });

  it("gives no temporary password to a person who already has an account elsewhere", async () => {
    const other = await createOrg();
    const [existing] = await withoutTenant((tx) => tx.select().from(users).where(eq(users.id, other.ownerId)));
    await actAs(adminId, orgId);
    const state = await invite(idle, form({ email: existing.email, name: "Someone", role: "employee" }));
    expect(state).toMatchObject({ status: "ok", data: { userId: other.ownerId, temporaryPassword: null } });
    expect((await userRow(other.ownerId)).passwordHash).toBe(existing.passwordHash);
  });

  it("lets only an owner invite an owner", async () => {
    await actAs(adminId, orgId);
    const before = await snapshot(orgId);
    const state = await invite(idle, form({ email: "would-be-owner@test.example", name: "X", role: "owner" }));
    expect(fieldErrors(state)).toEqual({ role: "errors.ownerOnly" });
    expect(await snapshot(orgId)).toBe(before);
    const [row] = await withoutTenant((tx) => tx.select().from(users).where(eq(users.email, "would-be-owner@test.example")));
    expect(row).toBeUndefined();

    await actAs(ownerId, orgId);
    expect((await invite(idle, form({ email: "co-owner@test.example", name: "Co", role: "owner" }))).status).toBe("ok");
  });

  it("refuses a duplicate member, a bad email and a department of another organisation", async () => {
    const other = await createOrg();
    const [foreignDept] = await withTenant(other.orgId, (tx) => tx.insert(departments).values({ orgId: other.orgId, name: "Elsewhere" }).returning());
    const [employee] = await withoutTenant((tx) => tx.select().from(users).where(eq(users.id, employeeId)));
    await actAs(adminId, orgId);
    const before = await snapshot(orgId);
    expect(fieldErrors(await invite(idle, form({ email: employee.email, name: "Again", role: "employee" })))).toEqual({ email: "errors.emailTaken" });
    expect(fieldErrors(await invite(idle, form({ email: "not-an-email", name: "X", role: "employee" })))).toHaveProperty("email", "errors.email");
    expect(fieldErrors(await invite(idle, form({ email: "d@test.example", name: "X", role: "employee", departmentId: foreignDept.id })))).toEqual({ departmentId: "errors.choice" });
    expect(await snapshot(orgId)).toBe(before);
  });

  it("is refused to roles without users.invite", async () => {
    const dpo = await createMember(orgId, "privacy_officer");
    await actAs(dpo, orgId);
    const before = await snapshot(orgId);
    expect(await invite(idle, form({ email: "x@test.example", name: "X", role: "employee" }))).toMatchObject({ status: "error", message: "errors.forbidden" });
    expect(await snapshot(orgId)).toBe(before);
  });
});
