import "server-only";
import { and, desc, eq, gte, lt, lte, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import type { AuditAction } from "./actions";

export interface AuditFilters {
  actorId?: string;
  action?: AuditAction;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

export interface AuditRow {
  seq: number;
  occurredAt: string;
  actorType: "user" | "api_key" | "system" | "customer";
  actorId: string;
  /** Staff names come from users at read time; the audit row itself only holds the id. */
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
}

/** The WHERE conditions for a filter; the tenant scope itself comes from RLS on `tx`. */
export function auditFilterConditions(filters: AuditFilters): SQL[] {
  const conditions: (SQL | undefined)[] = [
    filters.actorId ? eq(auditEvents.actorId, filters.actorId) : undefined,
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.targetType ? eq(auditEvents.targetType, filters.targetType) : undefined,
    filters.targetId ? eq(auditEvents.targetId, filters.targetId) : undefined,
    filters.from ? gte(auditEvents.occurredAt, filters.from.toISOString()) : undefined,
    filters.to ? lte(auditEvents.occurredAt, filters.to.toISOString()) : undefined,
  ];
  return conditions.filter((c): c is SQL => c !== undefined);
}

/** Newest first, keyset on seq (unique per organisation): the next page is `seq < cursor`. */
export async function listAuditEvents(
  tx: Tx,
  filters: AuditFilters,
  opts: { cursor?: number; limit: number },
): Promise<{ rows: AuditRow[]; nextCursor?: number }> {
  const conditions = auditFilterConditions(filters);
  if (opts.cursor !== undefined) conditions.push(lt(auditEvents.seq, opts.cursor));
  const found = await tx
    .select({
      seq: auditEvents.seq,
      occurredAt: auditEvents.occurredAt,
      actorType: auditEvents.actorType,
      actorId: auditEvents.actorId,
      actorName: users.name,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      details: auditEvents.details,
    })
    .from(auditEvents)
    // actor_id is text (it also holds api-key ids and "system"), so compare as text.
    .leftJoin(
      users,
      and(eq(auditEvents.actorType, "user"), eq(auditEvents.actorId, sql`${users.id}::text`)),
    )
    .where(and(...conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(opts.limit + 1);
  const rows = found
    .slice(0, opts.limit)
    .map((r) => ({ ...r, occurredAt: new Date(r.occurredAt).toISOString() }));
  return { rows, nextCursor: found.length > opts.limit ? rows[rows.length - 1].seq : undefined };
}
