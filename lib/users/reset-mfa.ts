import "server-only";
import { eq, sql } from "drizzle-orm";
import { recoveryCodes, users } from "@/db/schema";
import type { ActionContext } from "@/lib/core/actions/define-action";
import { AppError } from "@/lib/core/errors";
import { assertMayModify, assertNotSelf, findMember } from "./rules";

/**
 * Removes a member's second factor so they enrol again at their next sign-in, and ends their
 * sessions (session_version). The account is global: this applies in every organisation the person
 * belongs to, so it is refused for people who are active in another organisation too. Your own second factor is managed on your account's security page, which asks for a
 * fresh code; this admin path does not, so it refuses yourself.
 */
export async function resetMfa(ctx: ActionContext, input: { userId: string }): Promise<void> {
  const target = await findMember(ctx.tx, ctx.orgId, input.userId);
  assertMayModify(ctx.user, target);
  assertNotSelf(ctx.user, target, "_form", "selfMfaReset");
  if (target.deactivatedAt) throw new AppError("invalid", { _form: "alreadyDeactivated" });
  // The account is global: one organisation's admin must not strip the second factor of a
  // person who also works in other organisations (their owners could be taken over that way).
  const { rows } = await ctx.tx.execute<{ n: number }>(
    sql`select other_active_memberships(${target.userId}, ${ctx.orgId}) as n`,
  );
  if (Number(rows[0].n) > 0) throw new AppError("forbidden", { _form: "mfaResetSharedAccount" });
  await ctx.tx
    .update(users)
    .set({
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, target.userId));
  const removed = await ctx.tx
    .delete(recoveryCodes)
    .where(eq(recoveryCodes.userId, target.userId))
    .returning({ userId: recoveryCodes.userId });
  await ctx.audit({
    action: "auth.mfa_reset",
    targetType: "user",
    targetId: target.userId,
    details: { recoveryCodesRemoved: removed.length },
  });
}
