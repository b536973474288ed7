import { afterEach, describe, expect, it, vi } from "vitest";
import { confirmEnrolmentAction } from "@/app/(console)/account/two-factor/actions";
import { withTenant } from "@/db/tenant";
import { loadActor } from "@/lib/core/auth/actor";
import { hashRecoveryCode } from "@/lib/core/auth/recovery-codes";
import { attemptSignIn } from "@/lib/core/auth/sign-in";
import { generateTotp, generateTotpSecret } from "@/lib/core/auth/totp";
import { openTotpSecret } from "@/lib/core/auth/totp-secret";
import { addMember } from "@/lib/users/commands";
import { actAs, createMember, createOrg, form, TEST_PASSWORD } from "@/tests/factories";
import { ENROLMENT_TTL_MS, issueEnrolment } from "./enrolment-token";
import {
  auditedActions,
  enrol,
  freezeClock,
  readRecoveryCodes,
  readUser,
  testIp,
} from "./test-support";

afterEach(() => vi.useRealTimers());

const confirm = (token: string, code: string) =>
  confirmEnrolmentAction({ status: "idle" }, form({ token, code }));

async function expectNotEnrolled(userId: string, orgId: string) {
  const user = await readUser(userId);
  expect(user.totpEnabledAt).toBeNull();
  expect(user.totpSecret).toBeNull();
  expect(await readRecoveryCodes(userId)).toHaveLength(0);
  expect((await auditedActions(orgId, userId)).map((e) => e.action)).not.toContain(
    "auth.mfa_enrolled",
  );
}

describe("two-factor enrolment", () => {
  it("confirms only with a valid code for the secret this person was given", async () => {
    freezeClock();
    const { orgId } = await createOrg();
    const dpo = await createMember(orgId, "privacy_officer");
    const other = await createMember(orgId, "privacy_officer");
    await actAs(dpo, orgId, "mfa_enrolment");
    const { secret, token } = issueEnrolment(dpo);

    expect(await confirm(token, await generateTotp(generateTotpSecret()))).toMatchObject({
      status: "error",
      fieldErrors: { code: "errors.wrongCode" },
    });
    expect(await confirm(token, "12345")).toMatchObject({
      status: "error",
      fieldErrors: { code: "errors.codeFormat" },
    });
    const foreign = issueEnrolment(other);
    expect(await confirm(foreign.token, await generateTotp(foreign.secret))).toMatchObject({
      fieldErrors: { code: "errors.setupExpired" },
    });
    const tampered = Buffer.from(token, "base64url");
    tampered[20] ^= 1;
    expect(await confirm(tampered.toString("base64url"), await generateTotp(secret))).toMatchObject(
      { fieldErrors: { code: "errors.setupExpired" } },
    );
    const stale = issueEnrolment(dpo, Date.now() - ENROLMENT_TTL_MS - 1000);
    expect(await confirm(stale.token, await generateTotp(stale.secret))).toMatchObject({
      fieldErrors: { code: "errors.setupExpired" },
    });
    await expectNotEnrolled(dpo, orgId);

    const result = await confirm(token, await generateTotp(secret));
    expect(result.status).toBe("ok");
    const codes = (result as { data: { codes: string[] } }).data.codes;
    expect(codes).toHaveLength(10);

    const user = await readUser(dpo);
    expect(user.totpEnabledAt).toBeInstanceOf(Date);
    expect(user.totpLastStep).toBe(Math.floor(Date.now() / 30_000));
    // Stored sealed: neither the base32 text nor its lower-case form appear in the column.
    expect(user.totpSecret!.includes(Buffer.from(secret))).toBe(false);
    expect(user.totpSecret!.includes(Buffer.from(secret.toLowerCase()))).toBe(false);
    expect(openTotpSecret(dpo, user.totpSecret!)).toBe(secret);

    const stored = await readRecoveryCodes(dpo);
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.codeHash).sort()).toEqual(codes.map(hashRecoveryCode).sort());
    for (const row of stored)
      expect(codes.some((c) => row.codeHash.includes(c.replace("-", "")))).toBe(false);
    expect(stored.every((r) => r.usedAt === null)).toBe(true);

    const events = await auditedActions(orgId, dpo);
    expect(events.filter((e) => e.action === "auth.mfa_enrolled")).toEqual([
      { action: "auth.mfa_enrolled", targetId: dpo, details: { recoveryCodes: 10 } },
    ]);
    expect((await loadActor(dpo, 1, orgId))?.pending).toBeNull();
  });

  it("refuses a second enrolment instead of replacing the confirmed secret", async () => {
    const { orgId } = await createOrg();
    const dpo = await createMember(orgId, "privacy_officer");
    const { secret } = await enrol(dpo, orgId);
    const again = issueEnrolment(dpo);
    expect(await confirm(again.token, await generateTotp(again.secret))).toMatchObject({
      status: "error",
      message: "errors.conflict",
    });
    expect(openTotpSecret(dpo, (await readUser(dpo)).totpSecret!)).toBe(secret);
  });

  it("records the enrolment in every organisation the person belongs to", async () => {
    const first = await createOrg();
    const second = await createOrg();
    const admin = await createMember(first.orgId, "admin");
    const { email } = await readUser(admin);
    await withTenant(second.orgId, (tx) =>
      addMember(tx, second.orgId, {
        email,
        name: "x",
        role: "employee",
        temporaryPassword: TEST_PASSWORD,
        mustChangePassword: false,
      }),
    );
    await enrol(admin, first.orgId);
    for (const { orgId } of [first, second]) {
      expect((await auditedActions(orgId, admin)).map((e) => e.action)).toContain(
        "auth.mfa_enrolled",
      );
    }
  });
});

describe("signing in after enrolment", () => {
  it("refuses the confirming code as a replay, and accepts the next one", async () => {
    const clock = freezeClock();
    const { orgId } = await createOrg();
    const dpo = await createMember(orgId, "privacy_officer");
    const { email } = await readUser(dpo);
    const { secret, code } = await enrol(dpo, orgId);
    const ip = testIp();

    expect(await attemptSignIn({ email, password: TEST_PASSWORD, ip })).toEqual({
      ok: false,
      code: "mfa_required",
    });
    expect(await attemptSignIn({ email, password: TEST_PASSWORD, code, ip })).toEqual({
      ok: false,
      code: "invalid",
    });
    clock.advanceStep();
    expect(
      await attemptSignIn({ email, password: TEST_PASSWORD, code: await generateTotp(secret), ip }),
    ).toMatchObject({ ok: true, userId: dpo });
  });

  it("accepts each recovery code once", async () => {
    const { orgId } = await createOrg();
    const dpo = await createMember(orgId, "privacy_officer");
    const { email } = await readUser(dpo);
    const { codes } = await enrol(dpo, orgId);
    const ip = testIp();

    for (const code of codes) {
      expect(await attemptSignIn({ email, password: TEST_PASSWORD, code, ip }), code).toMatchObject(
        { ok: true, userId: dpo },
      );
    }
    expect(await attemptSignIn({ email, password: TEST_PASSWORD, code: codes[0], ip })).toEqual({
      ok: false,
      code: "invalid",
    });
    expect((await readRecoveryCodes(dpo)).every((r) => r.usedAt !== null)).toBe(true);
    expect(
      (await auditedActions(orgId, dpo)).filter((e) => e.action === "auth.recovery_code_used"),
    ).toHaveLength(10);
  });
});
