import "server-only";
import { eq, sql } from "drizzle-orm";
import { recoveryCodes, users } from "@/db/schema";
import type { ActionContext } from "@/lib/core/actions/define-action";
import { assertMayModify, assertNotSelf, findMember } from "./rules";

/**
 * Removes a member's second factor so they enrol again at their next sign-in, and ends their
 * sessions (session_version). The account is global: this applies in every organisation the person
 * belongs to. Your own second factor is managed on your account's security page, which asks for a
 * fresh code; this admin path does not, so it refuses yourself.
 */
export async function resetMfa(ctx: ActionContext, input: { userId: string }): Promise<void> {
  const target = await findMember(ctx.tx, ctx.orgId, input.userId);
  assertMayModify(ctx.actor, target);
  assertNotSelf(ctx.actor, target, "_form", "selfMfaReset");
  await ctx.tx
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
    .where(eq(users.id, target.userId));
  const removed = await ctx.tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, target.userId)).returning({ userId: recoveryCodes.userId });
  await ctx.audit({
    action: "auth.mfa_reset",
    targetType: "user",
    targetId: target.userId,
    details: { recoveryCodesRemoved: removed.length },
  });
}
