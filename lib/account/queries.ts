import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { withoutTenant } from "@/db/tenant";
import { unusedRecoveryCodeCount } from "./recovery-codes";

export interface TwoFactorStatus {
  enabledAt: Date | null;
  unusedRecoveryCodes: number;
}

/** What the two-factor page shows about the signed-in person's own second factor. */
export async function twoFactorStatus(userId: string): Promise<TwoFactorStatus> {
  return withoutTenant(async (tx) => {
    const [user] = await tx
      .select({ enabledAt: users.totpEnabledAt })
      .from(users)
      .where(eq(users.id, userId));
    return {
      enabledAt: user?.enabledAt ?? null,
      unusedRecoveryCodes: await unusedRecoveryCodeCount(tx, userId),
    };
  }, userId);
}
