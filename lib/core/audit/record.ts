import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { AuditAction } from "./actions";
import { GENESIS_HASH, hashEvent } from "./hash";

export interface AuditActor {
  /** `customer`: a data subject acting in the public portal (id = customer id). */
  type: "user" | "api_key" | "system" | "customer";
  id: string;
}

export interface AuditEntry {
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  /** Ids, counts and field names only: never personal data. */
  details?: Record<string, string | number | boolean | null | string[]>;
}

const LOCK_NAMESPACE = 0x41554454; // "AUDT"

/**
 * Takes the organisation's chain lock for the rest of the transaction. Writers (and readers that
 * need a head that cannot move, such as checkpoints) take it first; it is re-entrant.
 */
export async function lockChain(tx: Tx, orgId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${orgId}))`);
}

/** The newest event of the organisation's chain, or undefined for an empty chain. */
export async function chainHead(
  tx: Tx,
  orgId: string,
): Promise<{ seq: number; hash: string; action: string } | undefined> {
  const [head] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash, action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.orgId, orgId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return head;
}

/**
 * Appends one event to the organisation's chain inside the caller's transaction, so the change
 * and its record commit or roll back together. A per-organisation advisory lock orders writers.
 */
export async function recordAudit(
  tx: Tx,
  orgId: string,
  actor: AuditActor,
  entry: AuditEntry,
): Promise<number> {
  await lockChain(tx, orgId);
  const head = await chainHead(tx, orgId);
  const event = {
    orgId,
    seq: (head?.seq ?? 0) + 1,
    occurredAt: new Date().toISOString(),
    actorType: actor.type,
    actorId: actor.id,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditEvents).values({ ...event, hash: hashEvent(event) });
  return event.seq;
}
