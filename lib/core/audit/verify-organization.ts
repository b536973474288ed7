import "server-only";
import { and, asc, desc, eq, gt, lte, notExists, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditCheckpoints, auditEvents } from "@/db/schema";
import type { ChainedEvent } from "./hash";
import {
  checkpointAnchors,
  checkpointColumns,
  isGenuineCheckpoint,
  type Checkpoint,
} from "./checkpoint-rows";
import { chainHead } from "./record";
import { GENESIS_ANCHOR, verifyChain, type ChainAnchor, type ChainVerdict } from "./verify-chain";

const BATCH = 1000;

/**
 * The organisation's events in sequence order, read in keyset batches so that memory stays flat
 * however long the chain is. Stops after `upTo` when given.
 */
export async function* chainEvents(
  tx: Tx,
  orgId: string,
  upTo?: number,
  after = 0,
): AsyncGenerator<ChainedEvent & { hash: string }> {
  for (;;) {
    const batch = await tx
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.orgId, orgId),
          gt(auditEvents.seq, after),
          upTo === undefined ? undefined : lte(auditEvents.seq, upTo),
        ),
      )
      .orderBy(asc(auditEvents.seq))
      .limit(BATCH);
    yield* batch;
    if (batch.length < BATCH) return;
    after = batch[batch.length - 1].seq;
  }
}

/**
 * Recomputes the organisation's chain from the database (or its prefix up to `upTo`), anchored on
 * the signed checkpoints: at each checkpoint's sequence the stored hash must be the signed one,
 * and every checkpoint's signature must verify. The head is read first, so events appended while
 * verifying do not make the walk longer.
 */
export async function verifyOrganizationChain(
  tx: Tx,
  orgId: string,
  opts: { upTo?: number } = {},
): Promise<ChainVerdict> {
  return verifyFrom(tx, orgId, GENESIS_ANCHOR, opts.upTo);
}

/**
 * Verifies only what was appended since a trusted anchor (a genuine checkpoint): the anchor's
 * event must still carry the signed hash, and every later event must link from it. When it does
 * not, the whole chain is verified to name the first checkpoint that disagrees.
 */
export async function verifyChainSince(
  tx: Tx,
  orgId: string,
  anchor: ChainAnchor = GENESIS_ANCHOR,
): Promise<ChainVerdict> {
  if (anchor.seq > 0) {
    const [event] = await tx
      .select({ hash: auditEvents.hash })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.seq, anchor.seq)));
    if (event?.hash !== anchor.hash) {
      const full = await verifyOrganizationChain(tx, orgId);
      return full.intact
        ? { intact: false, reason: "checkpointMismatch", checkpoint: anchor.seq, lastMatching: 0 }
        : full;
    }
  }
  return verifyFrom(tx, orgId, anchor);
}

async function verifyFrom(
  tx: Tx,
  orgId: string,
  from: ChainAnchor,
  upTo?: number,
): Promise<ChainVerdict> {
  const head = await headSeq(tx, orgId);
  const end = Math.min(upTo ?? head, head);
  const verdict = await verifyChain(chainEvents(tx, orgId, end, from.seq), {
    from,
    checkpoints: checkpointAnchors(tx, orgId, from.seq, end),
  });
  if (!verdict.intact || upTo !== undefined) return verdict;
  const orphan = await checkpointPastEnd(tx, orgId, head);
  if (!orphan) return verdict;
  return isGenuineCheckpoint(orgId, orphan)
    ? {
        intact: false,
        reason: "checkpointMismatch",
        checkpoint: orphan.seq,
        lastMatching: verdict.anchoredAt,
      }
    : { intact: false, reason: "checkpointNotGenuine", checkpoint: orphan.seq };
}

/** The first checkpoint past the head whose event is gone: the chain's tail was cut off. */
async function checkpointPastEnd(
  tx: Tx,
  orgId: string,
  head: number,
): Promise<Checkpoint | undefined> {
  const [row] = await tx
    .select(checkpointColumns)
    .from(auditCheckpoints)
    .where(
      and(
        eq(auditCheckpoints.orgId, orgId),
        gt(auditCheckpoints.seq, head),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(auditEvents)
            .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.seq, auditCheckpoints.seq))),
        ),
      ),
    )
    .orderBy(asc(auditCheckpoints.seq))
    .limit(1);
  return row;
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
    lastCheckpoint: checkpoint && {
      seq: checkpoint.seq,
      signedAt: new Date(checkpoint.signedAt).toISOString(),
    },
  };
}
