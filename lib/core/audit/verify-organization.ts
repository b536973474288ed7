import "server-only";
import { and, asc, desc, eq, gt, lte } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditCheckpoints, auditEvents } from "@/db/schema";
import type { ChainedEvent } from "./hash";
import { chainHead } from "./record";
import { GENESIS_ANCHOR, verifyChain, type ChainAnchor, type ChainVerdict } from "./verify-chain";

const BATCH = 1000;

/**
 * The organisation's events in sequence order, read in keyset batches so that memory stays flat
 * however long the chain is. Stops after `upTo` when given.
 */
export async function* chainEvents(tx: Tx, orgId: string, upTo?: number, after = 0): AsyncGenerator<ChainedEvent & { hash: string }> {
  for (;;) {
    const batch = await tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), gt(auditEvents.seq, after), upTo === undefined ? undefined : lte(auditEvents.seq, upTo)))
      .orderBy(asc(auditEvents.seq))
      .limit(BATCH);
    yield* batch;
    if (batch.length < BATCH) return;
    after = batch[batch.length - 1].seq;
  }
}

/**
 * Recomputes the organisation's whole chain from the database (or its prefix up to `upTo`).
 * The head is read first, so events appended while verifying do not make the walk longer.
 */
export async function verifyOrganizationChain(tx: Tx, orgId: string, opts: { upTo?: number } = {}): Promise<ChainVerdict> {
  const head = await headSeq(tx, orgId);
  return verifyChain(chainEvents(tx, orgId, Math.min(opts.upTo ?? head, head)));
}

/**
 * Verifies only what was appended since a trusted anchor (a checkpoint): the anchor's event must
 * still carry the signed hash, and every later event must link from it.
 */
export async function verifyChainSince(tx: Tx, orgId: string, anchor: ChainAnchor = GENESIS_ANCHOR): Promise<ChainVerdict> {
  if (anchor.seq > 0) {
    const [event] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.seq, anchor.seq)));
    if (event?.hash !== anchor.hash) return { intact: false, brokenAt: anchor.seq };
  }
  return verifyChain(chainEvents(tx, orgId, await headSeq(tx, orgId), anchor.seq), anchor);
}

async function headSeq(tx: Tx, orgId: string): Promise<number> {
  return (await chainHead(tx, orgId))?.seq ?? 0;
}

export interface ChainStatus {
  headSeq: number;
  lastCheckpoint?: { seq: number; signedAt: string };
}

/** Two index lookups: the latest sequence number and the latest signed checkpoint. */
export async function chainStatus(tx: Tx, orgId: string): Promise<ChainStatus> {
  const seq = await headSeq(tx, orgId);
  const [checkpoint] = await tx
    .select({ seq: auditCheckpoints.seq, signedAt: auditCheckpoints.signedAt })
    .from(auditCheckpoints)
    .where(eq(auditCheckpoints.orgId, orgId))
    .orderBy(desc(auditCheckpoints.seq), desc(auditCheckpoints.signedAt))
    .limit(1);
  return {
    headSeq: seq,
    lastCheckpoint: checkpoint && { seq: checkpoint.seq, signedAt: new Date(checkpoint.signedAt).toISOString() },
  };
}

/** Checkpoints are hourly; none for two hours means the worker is not running or signing fails. */
const CHECKPOINT_OVERDUE_MS = 2 * 3600_000;

/** The overview's view: status plus whether signing has fallen behind. */
export async function chainHealth(tx: Tx, orgId: string, now = new Date()): Promise<ChainStatus & { checkpointOverdue: boolean }> {
  const status = await chainStatus(tx, orgId);
  const last = status.lastCheckpoint ? new Date(status.lastCheckpoint.signedAt).getTime() : undefined;
  return { ...status, checkpointOverdue: last === undefined || now.getTime() - last > CHECKPOINT_OVERDUE_MS };
}
