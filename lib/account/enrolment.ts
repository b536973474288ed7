import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ActionContext } from "@/lib/core/actions/define-action";
import { verifyTotp } from "@/lib/core/auth/totp";
import { sealTotpSecret } from "@/lib/core/auth/totp-secret";
import { AppError } from "@/lib/core/errors";
import { auditAccountChange } from "./audit";
import { openEnrolment } from "./enrolment-token";
import { lockOwnUser } from "./own-user";
import { replaceRecoveryCodes } from "./recovery-codes";

/**
 * Turns on two-factor sign-in once the person shows a code from the secret they were given.
 * The confirming code's step is stored, so that code cannot also be used to sign in.
 */
export async function confirmEnrolment(
  ctx: ActionContext,
  input: { token: string; code: string },
): Promise<{ codes: string[] }> {
  const userId = ctx.user.userId;
  const secret = openEnrolment(userId, input.token);
  if (!secret) throw new AppError("invalid", { code: "setupExpired" });
  const user = await lockOwnUser(ctx.tx, userId);
  // Confirmed meanwhile (another tab): keep that secret rather than silently replacing it.
  if (user.totpEnabledAt) throw new AppError("conflict");
  const result = await verifyTotp(secret, input.code);
  if (!result.ok) throw new AppError("invalid", { code: "wrongCode" });

  await ctx.tx
    .update(users)
    .set({
      totpSecret: sealTotpSecret(userId, secret),
      totpEnabledAt: new Date(),
      totpLastStep: result.step,
      updatedAt: new Date(),
    })
    .where(eq(users.id, userId));
  const codes = await replaceRecoveryCodes(ctx.tx, userId);
  await auditAccountChange(ctx, {
    action: "auth.mfa_enrolled",
    details: { recoveryCodes: codes.length },
  });
  return { codes };
}
