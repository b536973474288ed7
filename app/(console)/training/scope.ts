import "server-only";
import { eq, and } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { departments } from "@/db/schema";
import type { Actor } from "@/lib/core/auth/actor";

/**
 * Whose training records the viewer reads: every department for officers and auditors
 * (`undefined`), the departments a manager heads for a manager.
 */
export async function recordScope(
  tx: Tx,
  actor: Pick<Actor, "orgId" | "userId" | "role">,
): Promise<string[] | undefined> {
  if (actor.role !== "manager") return undefined;
  const rows = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.orgId, actor.orgId), eq(departments.headUserId, actor.userId)));
  return rows.map((r) => r.id);
}
