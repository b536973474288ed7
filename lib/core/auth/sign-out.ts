import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { withoutTenant } from "@/db/tenant";
import { auditForUser } from "./audit-for-user";

/**
 * Ends the session on the server, not only in this browser: the JWT stays valid until it
 * expires, so signing out advances the account's session version, which every request checks.
 * That signs the person out on every device — the safe reading of "sign out" for a console that
 * holds personal data. A session that had already ended records nothing.
 */
export async function recordSignOut(userId: string, sessionVersion: number): Promise<void> {
  await withoutTenant(async (tx) => {
    const ended = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion)))
      .returning({ id: users.id });
    if (ended.length === 0) return;
    await auditForUser(tx, userId, {
      action: "auth.signed_out",
      targetType: "user",
      targetId: userId,
    });
  }, userId);
}
