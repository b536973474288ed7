import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { changePasswordAction } from "@/app/(console)/account/password/actions";
import { users } from "@/db/schema";
import { withoutTenant } from "@/db/tenant";
import { loadActor } from "@/lib/core/auth/actor";
import { verifyPassword } from "@/lib/core/auth/password";
import { attemptSignIn } from "@/lib/core/auth/sign-in";
import { redirectOf } from "@/tests/action-outcome";
import { actAs, createMember, createOrg, form, TEST_PASSWORD } from "@/tests/factories";
import { auditedActions, readUser, signInFailuresOf, testIp } from "./test-support";

const NEW_PASSWORD = "a brand new passphrase 2026";
const change = (
  currentPassword: string,
  newPassword = NEW_PASSWORD,
  confirmPassword = newPassword,
) =>
  changePasswordAction({ status: "idle" }, form({ currentPassword, newPassword, confirmPassword }));

async function member(role: "employee" | "privacy_officer" = "employee") {
  const { orgId } = await createOrg();
  const userId = await createMember(orgId, role);
  await actAs(userId, orgId);
  return { orgId, userId, before: await readUser(userId) };
}

describe("changing one's own password", () => {
  it("with a wrong current password writes nothing", async () => {
    const { orgId, userId, before } = await member();
    expect(await change("not my password at all")).toMatchObject({
      status: "error",
      fieldErrors: { currentPassword: "errors.wrongPassword" },
    });
    expect(await readUser(userId)).toEqual(before);
    expect(await auditedActions(orgId, userId)).toEqual([]);
  });

  it("refuses a mismatched confirmation, a reused or short password, before checking anything", async () => {
    const { orgId, userId, before } = await member();
    expect(await change(TEST_PASSWORD, NEW_PASSWORD, `${NEW_PASSWORD}!`)).toMatchObject({
      fieldErrors: { confirmPassword: "errors.passwordMismatch" },
    });
    expect(await change(TEST_PASSWORD, TEST_PASSWORD)).toMatchObject({
      fieldErrors: { newPassword: "errors.passwordUnchanged" },
    });
    expect(await change(TEST_PASSWORD, "too short")).toMatchObject({
      fieldErrors: { newPassword: "errors.passwordTooShort" },
    });
    expect(await change("")).toMatchObject({ fieldErrors: { currentPassword: "errors.required" } });
    expect(await readUser(userId)).toEqual(before);
    expect(await auditedActions(orgId, userId)).toEqual([]);
  });

  it("stores the new hash, ends every session and is audited, then sends the person to sign in", async () => {
    const { orgId, userId, before } = await member();
    expect(await redirectOf(change(TEST_PASSWORD))).toBe("/sign-in?changed=1");

    const after = await readUser(userId);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.mustChangePassword).toBe(false);
    expect(await auditedActions(orgId, userId)).toEqual([
      { action: "auth.password_changed", targetId: userId, details: { firstSignIn: false } },
    ]);
    // The session that made the change is over too.
    expect(await loadActor(userId, before.sessionVersion, orgId)).toBeNull();
    const ip = testIp();
    expect(await attemptSignIn({ email: after.email, password: TEST_PASSWORD, ip })).toEqual({
      ok: false,
      code: "invalid",
    });
    expect(await attemptSignIn({ email: after.email, password: NEW_PASSWORD, ip })).toMatchObject({
      ok: true,
      sessionVersion: after.sessionVersion,
    });
  });

  it("works at first sign-in, while the change is pending, and clears it", async () => {
    const { orgId } = await createOrg();
    const userId = await createMember(orgId, "manager");
    await withoutTenant((tx) =>
      tx.update(users).set({ mustChangePassword: true }).where(eq(users.id, userId)),
    );
    expect((await actAs(userId, orgId, "password_change")).pending).toBe("password_change");

    expect(await redirectOf(change(TEST_PASSWORD))).toBe("/sign-in?changed=1");
    const after = await readUser(userId);
    expect(after.mustChangePassword).toBe(false);
    expect((await auditedActions(orgId, userId)).at(-1)).toMatchObject({
      action: "auth.password_changed",
      details: { firstSignIn: true },
    });
    expect((await loadActor(userId, after.sessionVersion, orgId))?.pending).toBeNull();
  });

  it("allows five tries of the current password per 15 minutes, outside the sign-in lockout", async () => {
    const { userId } = await member();
    for (let i = 0; i < 5; i++)
      expect(await change(`wrong password ${i}`)).toMatchObject({
        fieldErrors: { currentPassword: "errors.wrongPassword" },
      });
    expect(await change(TEST_PASSWORD)).toMatchObject({
      status: "error",
      message: "errors.rateLimited",
    });
    const user = await readUser(userId);
    expect(await verifyPassword(user.passwordHash, TEST_PASSWORD)).toBe(true);
    expect(await signInFailuresOf(userId)).toEqual([]);
  });
});
