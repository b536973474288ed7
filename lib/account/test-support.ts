// Helpers for this module's integration tests only (not imported by the application).
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { vi } from "vitest";
import { auditEvents, recoveryCodes, signInFailures, users } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import { confirmEnrolmentAction } from "@/app/(console)/account/two-factor/actions";
import { generateTotp } from "@/lib/core/auth/totp";
import { actAs, form } from "@/tests/factories";
import { issueEnrolment } from "./enrolment-token";

export const readUser = async (userId: string) =>
  (await withoutTenant((tx) => tx.select().from(users).where(eq(users.id, userId)), userId))[0];

export const readRecoveryCodes = (userId: string) =>
  withoutTenant(
    (tx) => tx.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId)),
    userId,
  );

/** Failed sign-ins of this person counted and waiting for the audit job (none from re-authentication). */
export const signInFailuresOf = (userId: string) =>
  withoutTenant((tx) => tx.select().from(signInFailures).where(eq(signInFailures.userId, userId)));

/** The audit actions this person caused in one organisation, oldest first. */
export const auditedActions = async (orgId: string, userId: string) =>
  (
    await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.actorId, userId)))
        .orderBy(auditEvents.seq),
    )
  ).map((e) => ({ action: e.action, targetId: e.targetId, details: e.details }));

/** A client address of its own, so the per-IP sign-in throttle never couples tests. */
export const testIp = () => `test-${randomBytes(4).toString("hex")}`;

/**
 * Freezes Date (only: timers and the database keep running) in the middle of a 30 s step, so
 * codes computed now stay valid, and `advance` moves to the next step deterministically.
 */
export function freezeClock() {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime((Math.floor(Date.now() / 30_000) + 1) * 30_000 + 15_000);
  return { advanceStep: () => vi.setSystemTime(Date.now() + 30_000) };
}

/** Enrols a member through the real action; returns their secret and recovery codes. */
export async function enrol(
  userId: string,
  orgId: string,
): Promise<{ secret: string; code: string; codes: string[] }> {
  await actAs(userId, orgId, "mfa_enrolment");
  const { secret, token } = issueEnrolment(userId);
  const code = await generateTotp(secret);
  const result = await confirmEnrolmentAction({ status: "idle" }, form({ token, code }));
  if (result.status !== "ok") throw new Error(`enrolment failed: ${JSON.stringify(result)}`);
  await actAs(userId, orgId);
  return { secret, code, codes: (result.data as { codes: string[] }).codes };
}
