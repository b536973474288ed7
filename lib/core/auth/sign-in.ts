import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { recoveryCodes, users } from "@/db/schema";
import { withoutTenant } from "@/db/tenant";
import { allowHit, rateLimitKey } from "@/lib/core/rate-limit";
import { auditForUser } from "./audit-for-user";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { hashRecoveryCode } from "./recovery-codes";
import {
  ACCOUNT_CEILING,
  CLIENT_POLICY,
  isPaused,
  pauseMinutes,
  readCounters,
  recordFailure,
  recordSuccess,
  SECOND_FACTOR_POLICY,
  secondFactorKey,
  signInKeys,
  type PausePolicy,
} from "./sign-in-limits";
import { verifyTotp } from "./totp";
import { openTotpSecret } from "./totp-secret";

const IP_LIMIT = { hits: 30, windowSeconds: 300 };

export type SignInFailure = "invalid" | "locked" | "throttled" | "mfa_required";
export type SignInResult =
  { ok: true; userId: string; sessionVersion: number } | { ok: false; code: SignInFailure };

interface Attempt {
  email: string;
  password: string;
  code?: string;
  ip: string;
}

async function checkSecondFactor(
  tx: Tx,
  user: Pick<typeof users.$inferSelect, "id" | "totpSecret" | "totpLastStep">,
  code: string,
): Promise<"totp" | "recovery" | null> {
  const digits = code.replace(/\s/g, "");
  if (/^\d{6}$/.test(digits)) {
    const result = await verifyTotp(openTotpSecret(user.id, user.totpSecret!), digits, {
      lastUsedStep: user.totpLastStep,
    });
    if (!result.ok) return null;
    await tx.update(users).set({ totpLastStep: result.step }).where(eq(users.id, user.id));
    return "totp";
  }
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(recoveryCodes.userId, user.id),
        eq(recoveryCodes.codeHash, hashRecoveryCode(code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ userId: recoveryCodes.userId });
  return used.length === 1 ? "recovery" : null;
}

const failed = (policy: PausePolicy, failures: number): SignInResult => ({
  ok: false,
  code: pauseMinutes(policy, failures) > 0 ? "locked" : "invalid",
});

/**
 * The whole credential check (docs/architecture.md, "Authentication"): per-IP throttle; failures
 * counted per account and client, with pauses that grow, and per account across all clients up
 * to a ceiling; then the second factor, under its own limit. Until the password is known to be
 * right, an unknown address gets the same answers from the same statements and the same argon2id
 * work as an account: its counters are keyed by the address as typed, not by an account.
 */
export async function attemptSignIn(attempt: Attempt): Promise<SignInResult> {
  const keys = signInKeys(attempt.email, attempt.ip);
  return withoutTenant(async (tx) => {
    if (
      !(await allowHit(
        tx,
        rateLimitKey("sign-in-ip", attempt.ip),
        IP_LIMIT.hits,
        IP_LIMIT.windowSeconds,
      ))
    ) {
      return { ok: false, code: "throttled" };
    }
    const [user] = await tx
      .select({
        id: users.id,
        passwordHash: users.passwordHash,
        totpSecret: users.totpSecret,
        totpEnabledAt: users.totpEnabledAt,
        totpLastStep: users.totpLastStep,
        sessionVersion: users.sessionVersion,
      })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${attempt.email.trim()})`)
      .for("update");
    const [client, account] = await readCounters(tx, [keys.client, keys.account]);
    const passwordOk = user
      ? await verifyPassword(user.passwordHash, attempt.password)
      : await verifyAgainstDummy(attempt.password);
    if (isPaused(CLIENT_POLICY, client)) return { ok: false, code: "locked" };
    // Past the ceiling, a client that has not signed in to the account lately is not heard: its
    // right password is answered as a wrong one, and nobody else learns of the ceiling.
    const heard = account.failures < ACCOUNT_CEILING || client.usual;
    if (!user || !passwordOk || !heard) {
      const reason = passwordOk ? "account_ceiling" : "password";
      const { failures } = await recordFailure(tx, {
        keys: [keys.client, keys.account],
        userId: user?.id ?? null,
        reason,
      });
      return failed(CLIENT_POLICY, failures);
    }

    let factor: "totp" | "recovery" | "none" = "none";
    if (user.totpEnabledAt) {
      if (!attempt.code) return { ok: false, code: "mfa_required" };
      const codeKey = secondFactorKey(user.id);
      const [codes] = await readCounters(tx, [codeKey]);
      if (isPaused(SECOND_FACTOR_POLICY, codes)) return { ok: false, code: "locked" };
      const checked = await checkSecondFactor(tx, user, attempt.code);
      if (!checked) {
        const { failures } = await recordFailure(tx, {
          keys: [codeKey],
          userId: user.id,
          reason: "second_factor",
        });
        return failed(SECOND_FACTOR_POLICY, failures);
      }
      factor = checked;
    }

    await tx.execute(sql`select set_config('app.user_id', ${user.id}, true)`);
    await recordSuccess(
      tx,
      user.totpEnabledAt ? [keys.client, secondFactorKey(user.id)] : [keys.client],
    );
    if (factor === "recovery")
      await auditForUser(tx, user.id, {
        action: "auth.recovery_code_used",
        targetType: "user",
        targetId: user.id,
      });
    await auditForUser(tx, user.id, {
      action: "auth.signed_in",
      targetType: "user",
      targetId: user.id,
      details: { factor },
    });
    return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
  });
}
