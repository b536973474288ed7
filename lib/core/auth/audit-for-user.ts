import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships } from "@/db/schema";
import { enterTenant } from "@/db/tenant";
import { recordAudit, type AuditEntry } from "@/lib/core/audit/record";

/**
 * Records an event about a person's own account in every organisation they are an active
 * member of, in this transaction: a login is global, so each organisation's log sees it.
 * Leaves the transaction pointed at the last organisation written to.
 */
export async function auditForUser(tx: Tx, userId: string, entry: AuditEntry, opts: { except?: string } = {}): Promise<void> {
  const orgs = await tx
    .select({ orgId: memberships.orgId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), isNull(memberships.deactivatedAt)));
  for (const { orgId } of orgs) {
    if (orgId === opts.except) continue;
    await enterTenant(tx, orgId, userId);
    await recordAudit(tx, orgId, { type: "user", id: userId }, entry);
  }
}
