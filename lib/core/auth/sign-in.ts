import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { recoveryCodes, users } from "@/db/schema";
import { withoutTenant } from "@/db/tenant";
import { allowHit, rateLimitKey } from "@/lib/core/rate-limit";
import { auditForUser } from "./audit-for-user";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { hashRecoveryCode } from "./recovery-codes";
import { verifyTotp } from "./totp";
import { openTotpSecret } from "./totp-secret";

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
const IP_LIMIT = { hits: 30, windowSeconds: 300 };

export type SignInFailure = "invalid" | "locked" | "throttled" | "mfa_required";
export type SignInResult = { ok: true; userId: string; sessionVersion: number } | { ok: false; code: SignInFailure };

interface Attempt {
  email: string;
  password: string;
  code?: string;
  ip: string;
}

async function checkSecondFactor(tx: Tx, user: typeof users.$inferSelect, code: string): Promise<"totp" | "recovery" | null> {
  const digits = code.replace(/\s/g, "");
  if (/^\d{6}$/.test(digits)) {
    const result = await verifyTotp(openTotpSecret(user.id, user.totpSecret!), digits, { lastUsedStep: user.totpLastStep });
    if (!result.ok) return null;
    await tx.update(users).set({ totpLastStep: result.step }).where(eq(users.id, user.id));
    return "totp";
  }
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
    .returning({ userId: recoveryCodes.userId });
  return used.length === 1 ? "recovery" : null;
}

/**
 * The whole credential check: per-IP throttle, the same answer for unknown users and wrong
 * passwords, lock after five consecutive failures, and a second factor when enrolled.
 */
export async function attemptSignIn(attempt: Attempt): Promise<SignInResult> {
  return withoutTenant(async (tx) => {
    if (!(await allowHit(tx, rateLimitKey("sign-in-ip", attempt.ip), IP_LIMIT.hits, IP_LIMIT.windowSeconds))) {
      return { ok: false, code: "throttled" };
    }
    const [user] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = lower(${attempt.email.trim()})`)
      .for("update");
    if (!user) {
      await verifyAgainstDummy(attempt.password);
      return { ok: false, code: "invalid" };
    }
    await tx.execute(sql`select set_config('app.user_id', ${user.id}, true)`);
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      // The same argon2 work as any other answer, so timing says nothing about the password.
      await verifyAgainstDummy(attempt.password);
      return { ok: false, code: "locked" };
    }

    const passwordOk = await verifyPassword(user.passwordHash, attempt.password);
    if (passwordOk && user.totpEnabledAt && !attempt.code) return { ok: false, code: "mfa_required" };
    const factor = passwordOk && user.totpEnabledAt ? await checkSecondFactor(tx, user, attempt.code!) : "none";

    if (!passwordOk || !factor) {
      const failures = user.failedAttempts + 1;
      const lock = failures >= MAX_FAILURES;
      await tx
        .update(users)
        .set(lock ? { failedAttempts: 0, lockedUntil: new Date(Date.now() + LOCK_MINUTES * 60_000) } : { failedAttempts: failures })
        .where(eq(users.id, user.id));
      await auditForUser(tx, user.id, { action: "auth.sign_in_failed", targetType: "user", targetId: user.id, details: { reason: passwordOk ? "second_factor" : "password" } });
      if (lock) await auditForUser(tx, user.id, { action: "auth.locked", targetType: "user", targetId: user.id, details: { minutes: LOCK_MINUTES } });
      return { ok: false, code: lock ? "locked" : "invalid" };
    }

    await tx.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, user.id));
    if (factor === "recovery") await auditForUser(tx, user.id, { action: "auth.recovery_code_used", targetType: "user", targetId: user.id });
    await auditForUser(tx, user.id, { action: "auth.signed_in", targetType: "user", targetId: user.id, details: { factor } });
    return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
  });
}
