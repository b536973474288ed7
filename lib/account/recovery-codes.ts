import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { recoveryCodes } from "@/db/schema";
import type { ActionContext } from "@/lib/core/actions/define-action";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/core/auth/recovery-codes";
import { auditAccountChange } from "./audit";
import { proveCurrentCode } from "./current-code";
import { lockOwnUser } from "./own-user";

/** Discards every earlier code and stores hashes of ten new ones; the plain codes are shown once. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const codes = generateRecoveryCodes();
  await tx
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

export async function unusedRecoveryCodeCount(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row.n;
}

/** New recovery codes for an enrolled person who proves possession with a current code. */
export async function regenerateRecoveryCodes(
  ctx: ActionContext,
  input: { code: string },
): Promise<{ codes: string[] }> {
  const user = await lockOwnUser(ctx.tx, ctx.user.userId);
  await proveCurrentCode(ctx.tx, user, input.code);
  const codes = await replaceRecoveryCodes(ctx.tx, user.id);
  await auditAccountChange(ctx, {
    action: "auth.recovery_codes_regenerated",
    details: { count: codes.length },
  });
  return { codes };
}
