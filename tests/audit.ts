import { and, asc, desc, eq } from "drizzle-orm";
import { auditEvents } from "@/db/schema";
import { withTenant } from "@/db/tenant";

/** An organisation's audit chain in order, read through the same RLS-bound role the server uses. */
export function auditOf(orgId: string) {
  return withTenant(orgId, (tx) =>
    tx.select().from(auditEvents).where(eq(auditEvents.orgId, orgId)).orderBy(asc(auditEvents.seq)),
  );
}

/** The newest audit event of the organisation (the chain's head). */
export async function lastAudit(orgId: string) {
  return (
    await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.orgId, orgId))
        .orderBy(desc(auditEvents.seq))
        .limit(1),
    )
  )[0];
}

/** The audit events about one record, oldest first: what was done, by whom, with which details. */
export function auditOfTarget(orgId: string, targetId: string) {
  return withTenant(orgId, (tx) =>
    tx
      .select({
        action: auditEvents.action,
        actorType: auditEvents.actorType,
        actorId: auditEvents.actorId,
        details: auditEvents.details,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.targetId, targetId)))
      .orderBy(asc(auditEvents.seq)),
  );
}
