import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { withoutTenant } from "@/db/tenant";
import { auditForUser } from "./audit-for-user";

/**
 * Records a sign-out in each organisation, as the sign-in was recorded. A session that had
 * already ended (password changed, so its version is stale) records nothing: it signed nobody out.
 */
export async function recordSignOut(userId: string, sessionVersion: number): Promise<void> {
  await withoutTenant(async (tx) => {
    const [user] = await tx.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId));
    if (user?.sessionVersion !== sessionVersion) return;
    await auditForUser(tx, userId, { action: "auth.signed_out", targetType: "user", targetId: userId });
  }, userId);
}
