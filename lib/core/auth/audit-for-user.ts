import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships } from "@/db/schema";
import { enterTenant } from "@/db/tenant";
import { lockChain, recordAudit, type AuditEntry } from "@/lib/core/audit/record";

/** The organisations a person is an active member of, in one fixed (sorted) order. */
export async function memberOrgIds(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ orgId: memberships.orgId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), isNull(memberships.deactivatedAt)))
    .orderBy(asc(memberships.orgId));
  return rows.map((r) => r.orgId);
}

/**
 * Takes the audit-chain locks of several organisations in one global order. Two people with
 * memberships in the same organisations, audited at once, would otherwise deadlock.
 */
export async function lockChains(tx: Tx, orgIds: string[]): Promise<void> {
  for (const orgId of [...orgIds].sort()) await lockChain(tx, orgId);
}

/**
 * Records an event about a person's own account in every organisation they are an active
 * member of, in this transaction: a login is global, so each organisation's log sees it.
 * Leaves the transaction pointed at the last organisation written to.
 */
export async function auditForUser(
  tx: Tx,
  userId: string,
  entry: AuditEntry,
  opts: { except?: string } = {},
): Promise<void> {
  const orgIds = await memberOrgIds(tx, userId);
  await lockChains(tx, opts.except ? [...orgIds, opts.except] : orgIds);
  for (const orgId of orgIds) {
    if (orgId === opts.except) continue;
    await enterTenant(tx, orgId, userId);
    await recordAudit(tx, orgId, { type: "user", id: userId }, entry);
  }
}
