import "server-only";
import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ActionContext } from "@/lib/core/actions/define-action";
import { hashPassword, verifyPassword } from "@/lib/core/auth/password";
import { AppError } from "@/lib/core/errors";
import { countReauthentication } from "./attempt-limit";
import { auditAccountChange } from "./audit";
import { lockOwnUser } from "./own-user";
import type { ChangePasswordInput } from "./schemas";

/**
 * Changes the signed-in person's password after re-checking the current one. Bumping the
 * session version ends every session of this person, this one included, so whoever else may
 * have known the old password is signed out too.
 */
export async function changePassword(
  ctx: ActionContext,
  input: ChangePasswordInput,
): Promise<void> {
  await countReauthentication(ctx.user.userId);
  const user = await lockOwnUser(ctx.tx, ctx.user.userId);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("invalid", { currentPassword: "wrongPassword" });
  }
  await ctx.tx
    .update(users)
    .set({
      passwordHash: await hashPassword(input.newPassword),
      mustChangePassword: false,
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(users.id, user.id));
  await auditAccountChange(ctx, {
    action: "auth.password_changed",
    details: { firstSignIn: user.mustChangePassword },
  });
}
