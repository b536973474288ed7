import "server-only";
import { eq } from "drizzle-orm";
import { recoveryCodes, users } from "@/db/schema";
import type { ActionContext } from "@/lib/core/actions/define-action";
import { AppError } from "@/lib/core/errors";
import { auditAccountChange } from "./audit";
import { proveCurrentCode } from "./current-code";
import { lockOwnUser } from "./own-user";
import { twoFactorRequired } from "./policy";

/**
 * Turns two-factor sign-in off for someone whose roles do not require it, after a current code.
 * Secret and recovery codes go with it, so enrolling again starts from scratch.
 */
export async function turnOffTwoFactor(
  ctx: ActionContext,
  input: { turnOffCode: string },
): Promise<void> {
  if (twoFactorRequired(ctx.user)) throw new AppError("forbidden");
  const user = await lockOwnUser(ctx.tx, ctx.user.userId);
  await proveCurrentCode(ctx.tx, user, input.turnOffCode, "turnOffCode");
  await ctx.tx
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: new Date() })
    .where(eq(users.id, user.id));
  await ctx.tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
  await auditAccountChange(ctx, { action: "auth.mfa_disabled" });
}
