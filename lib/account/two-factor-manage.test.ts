import { afterEach, describe, expect, it, vi } from "vitest";
import {
  regenerateRecoveryCodesAction,
  turnOffTwoFactorAction,
} from "@/app/(console)/account/two-factor/actions";
import { withTenant } from "@/db/tenant";
import { attemptSignIn } from "@/lib/core/auth/sign-in";
import { generateTotp } from "@/lib/core/auth/totp";
import { addMember } from "@/lib/users/commands";
import { redirectOf } from "@/tests/action-outcome";
import { actAs, createMember, createOrg, form, TEST_PASSWORD } from "@/tests/factories";
import {
  auditedActions,
  enrol,
  freezeClock,
  readRecoveryCodes,
  readUser,
  signInFailuresOf,
  testIp,
} from "./test-support";

afterEach(() => vi.useRealTimers());

const regenerate = (code: string) =>
  regenerateRecoveryCodesAction({ status: "idle" }, form({ code }));
const turnOff = (code: string) =>
  turnOffTwoFactorAction({ status: "idle" }, form({ turnOffCode: code }));
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("regenerating recovery codes", () => {
  it("needs a fresh code, replaces every earlier code and is audited", async () => {
    const clock = freezeClock();
    const { orgId } = await createOrg();
    const dpo = await createMember(orgId, "privacy_officer");
    const { email } = await readUser(dpo);
    const { secret, code: confirming, codes: old } = await enrol(dpo, orgId);

    expect(await regenerate(confirming)).toMatchObject({
      status: "error",
      fieldErrors: { code: "errors.wrongCode" },
    });
    clock.advanceStep();
    const fresh = await generateTotp(secret);
    expect(await regenerate(wrong(fresh))).toMatchObject({
      status: "error",
      fieldErrors: { code: "errors.wrongCode" },
    });
    expect((await readRecoveryCodes(dpo)).length).toBe(10);

    const result = await regenerate(fresh);
    expect(result.status).toBe("ok");
    const codes = (result as { data: { codes: string[] } }).data.codes;
    expect(codes).toHaveLength(10);
    expect(codes.some((c) => old.includes(c))).toBe(false);
    expect((await auditedActions(orgId, dpo)).at(-1)).toEqual({
      action: "auth.recovery_codes_regenerated",
      targetId: dpo,
      details: { count: 10 },
    });

    const ip = testIp();
    // The code that proved possession is spent, and the old recovery codes no longer work.
    expect(await attemptSignIn({ email, password: TEST_PASSWORD, code: fresh, ip })).toEqual({
      ok: false,
      code: "invalid",
    });
    expect(await attemptSignIn({ email, password: TEST_PASSWORD, code: old[0], ip })).toEqual({
      ok: false,
      code: "invalid",
    });
    expect(
      await attemptSignIn({ email, password: TEST_PASSWORD, code: codes[0], ip }),
    ).toMatchObject({ ok: true });
  });

  it("stops after five attempts in 15 minutes, even with the right code", async () => {
    const clock = freezeClock();
    const { orgId } = await createOrg();
    const dpo = await createMember(orgId, "privacy_officer");
    const { secret } = await enrol(dpo, orgId);
    clock.advanceStep();
    const fresh = await generateTotp(secret);
    for (let i = 0; i < 5; i++)
      expect(await regenerate(wrong(fresh))).toMatchObject({
        fieldErrors: { code: "errors.wrongCode" },
      });
    expect(await regenerate(fresh)).toMatchObject({
      status: "error",
      message: "errors.rateLimited",
    });
    expect(await signInFailuresOf(dpo)).toEqual([]);
  });
});

describe("turning two-factor authentication off", () => {
  it("is possible for an employee with a current code, and removes secret and recovery codes", async () => {
    const clock = freezeClock();
    const { orgId } = await createOrg();
    const employee = await createMember(orgId, "employee");
    const { email } = await readUser(employee);
    const { secret } = await enrol(employee, orgId);
    clock.advanceStep();

    const code = await generateTotp(secret);
    expect(await turnOff(wrong(code))).toMatchObject({
      status: "error",
      fieldErrors: { turnOffCode: "errors.wrongCode" },
    });
    expect((await readUser(employee)).totpEnabledAt).not.toBeNull();
    expect(await redirectOf(turnOff(code))).toBe("/account/two-factor?turnedOff=1");

    const user = await readUser(employee);
    expect([user.totpSecret, user.totpEnabledAt, user.totpLastStep]).toEqual([null, null, null]);
    expect(await readRecoveryCodes(employee)).toHaveLength(0);
    expect((await auditedActions(orgId, employee)).at(-1)).toMatchObject({
      action: "auth.mfa_disabled",
      targetId: employee,
    });
    expect(await attemptSignIn({ email, password: TEST_PASSWORD, ip: testIp() })).toMatchObject({
      ok: true,
    });
  });

  it("is refused to a privacy officer, and to an employee who is an admin elsewhere", async () => {
    const clock = freezeClock();
    const { orgId } = await createOrg();
    const other = await createOrg();
    const dpo = await createMember(orgId, "privacy_officer");
    const employee = await createMember(orgId, "employee");
    const { email } = await readUser(employee);
    await withTenant(other.orgId, (tx) =>
      addMember(tx, other.orgId, {
        email,
        name: "x",
        role: "admin",
        temporaryPassword: TEST_PASSWORD,
        mustChangePassword: false,
      }),
    );

    for (const userId of [dpo, employee]) {
      const { secret } = await enrol(userId, orgId);
      clock.advanceStep();
      await actAs(userId, orgId);
      expect(await turnOff(await generateTotp(secret))).toMatchObject({
        status: "error",
        message: "errors.forbidden",
      });
      expect((await readUser(userId)).totpEnabledAt).not.toBeNull();
      expect(await readRecoveryCodes(userId)).toHaveLength(10);
    }
  });
});
