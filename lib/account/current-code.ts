import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";
import { verifyTotp } from "@/lib/core/auth/totp";
import { openTotpSecret } from "@/lib/core/auth/totp-secret";
import { AppError } from "@/lib/core/errors";
import { countReauthentication } from "./attempt-limit";
import type { UserRow } from "./own-user";

/**
 * Proves the person still holds their authenticator: a current code, rate-limited, and spent
 * (its step is stored) so the same code cannot then be used to sign in.
 */
export async function proveCurrentCode(
  tx: Tx,
  user: UserRow,
  code: string,
  field = "code",
): Promise<void> {
  if (!user.totpEnabledAt || !user.totpSecret) throw new AppError("conflict");
  await countReauthentication(user.id);
  const result = await verifyTotp(openTotpSecret(user.id, user.totpSecret), code, {
    lastUsedStep: user.totpLastStep,
  });
  if (!result.ok) throw new AppError("invalid", { [field]: "wrongCode" });
  await tx.update(users).set({ totpLastStep: result.step }).where(eq(users.id, user.id));
}
