import "server-only";
import { and, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditEvents, memberships, users } from "@/db/schema";
import type { AuditAction } from "./actions";

export interface FrequentActor {
  userId: string;
  name: string;
  count: number;
}

/**
 * The people who recorded `action` at least `threshold` times between `since` and `until`, most
 * first, with their names. The window is found by time (index on occurred_at), then the action's
 * events after it by sequence (index on action, seq), so older history is never scanned.
 */
export async function frequentActors(
  tx: Tx,
  orgId: string,
  action: AuditAction,
  opts: { since: Date; until: Date; threshold: number; limit?: number },
): Promise<FrequentActor[]> {
  const firstInWindow = sql`(select e.seq from audit_events e where e.org_id = ${orgId} and e.occurred_at >= ${opts.since.toISOString()} order by e.occurred_at limit 1)`;
  const count = sql<number>`count(*)::int`;
  const rows = await tx
    .select({ userId: auditEvents.actorId, count })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.orgId, orgId),
        eq(auditEvents.action, action),
        eq(auditEvents.actorType, "user"),
        gte(auditEvents.seq, firstInWindow),
        lte(auditEvents.occurredAt, opts.until.toISOString()),
      ),
    )
    .groupBy(auditEvents.actorId)
    .having(gte(count, opts.threshold))
    .orderBy(desc(count), auditEvents.actorId)
    .limit(opts.limit ?? 10);
  if (rows.length === 0) return [];
  // RLS scopes memberships to this organisation: names of current and former members only.
  const names = await tx
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      inArray(
        users.id,
        rows.map((r) => r.userId),
      ),
    );
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return rows.map((r) => ({ ...r, name: nameOf.get(r.userId) ?? "" }));
}
