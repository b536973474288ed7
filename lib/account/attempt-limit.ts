import "server-only";
import { withoutTenant } from "@/db/tenant";
import { AppError } from "@/lib/core/errors";
import { allowHit, rateLimitKey } from "@/lib/core/rate-limit";

const LIMIT = { hits: 5, windowSeconds: 15 * 60 };

/**
 * Counts one re-authentication (current password or authenticator code) by a signed-in person
 * and refuses beyond five per 15 minutes. The count commits in its own transaction, so a wrong
 * guess still counts when the action itself rolls back. It does not feed the sign-in lockout:
 * whoever guesses here already holds a session, and must not be able to lock the owner out.
 */
export async function countReauthentication(userId: string): Promise<void> {
  const allowed = await withoutTenant(
    (tx) => allowHit(tx, rateLimitKey("account-reauth", userId), LIMIT.hits, LIMIT.windowSeconds),
    userId,
  );
  if (!allowed) throw new AppError("rateLimited");
}
