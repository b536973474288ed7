import "server-only";
import { asc, eq, isNotNull, isNull } from "drizzle-orm";
import { signInFailures } from "@/db/schema";
import { withoutTenant } from "@/db/tenant";
import { defineJob } from "@/lib/core/jobs/job";
import { auditForUser } from "./audit-for-user";
import {
  ACCOUNT_CEILING,
  CLIENT_POLICY,
  pauseMinutes,
  SECOND_FACTOR_POLICY,
} from "./sign-in-limits";

const BATCH_USERS = 200;

/** One person's queued failures into their organisations' logs, and out of the queue, at once. */
async function auditFailuresOf(userId: string): Promise<void> {
  await withoutTenant(async (tx) => {
    const failures = await tx
      .delete(signInFailures)
      .where(eq(signInFailures.userId, userId))
      .returning();
    for (const failure of failures.sort((a, b) => a.id - b.id)) {
      const target = { targetType: "user", targetId: userId } as const;
      await auditForUser(tx, userId, {
        action: "auth.sign_in_failed",
        ...target,
        details: { reason: failure.reason, attemptedAt: failure.occurredAt.toISOString() },
      });
      const secondFactor = failure.reason === "second_factor";
      const minutes = pauseMinutes(
        secondFactor ? SECOND_FACTOR_POLICY : CLIENT_POLICY,
        failure.failures,
      );
      if (minutes > 0)
        await auditForUser(tx, userId, {
          action: "auth.locked",
          ...target,
          details: { scope: secondFactor ? "second_factor" : "client", minutes },
        });
      if (failure.accountFailures === ACCOUNT_CEILING)
        await auditForUser(tx, userId, {
          action: "auth.locked",
          ...target,
          details: { scope: "account" },
        });
    }
  }, userId);
}

/**
 * Audits the failed sign-ins the attempts queued (lib/core/auth/sign-in.ts writes the queue row
 * instead of the audit events, so a known account's answer costs no more than an unknown one's)
 * and drops those of addresses with no account. Returns how many people it audited.
 */
export async function auditSignInFailures(): Promise<number> {
  await withoutTenant((tx) => tx.delete(signInFailures).where(isNull(signInFailures.userId)));
  const people = await withoutTenant((tx) =>
    tx
      .selectDistinct({ userId: signInFailures.userId })
      .from(signInFailures)
      .where(isNotNull(signInFailures.userId))
      .orderBy(asc(signInFailures.userId))
      .limit(BATCH_USERS),
  );
  for (const { userId } of people) await auditFailuresOf(userId!);
  return people.length;
}

/**
 * Every minute: a failed sign-in reaches the audit log within about a minute. Its events are the
 * person's, whose attempt it was, as they were when the attempt wrote them itself.
 */
export const signInFailureAuditJob = defineJob({
  name: "sign-in-failure-audit",
  cron: "* * * * *",
  audits: ["auth.sign_in_failed", "auth.locked"],
  run: async () => {
    let audited: number;
    do audited = await auditSignInFailures();
    while (audited === BATCH_USERS);
  },
});
