import "server-only";
import { and, asc, eq, gt, isNull, ne, or, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditCheckpoints, auditEvents } from "@/db/schema";
import { isGenuineCheckpoint, newestCheckpoint } from "./checkpoint-rows";
import { chainStatus, type ChainStatus } from "./verify-organization";

/**
 * Checkpoints are signed hourly when the chain moved. Events still not covered by one two hours
 * after they happened mean the worker is not running or signing fails. Measured from the oldest
 * uncovered event, not from the last checkpoint: a fresh organisation (nothing due yet) and an idle
 * one (nothing to sign) raise no alarm.
 */
export const CHECKPOINT_OVERDUE_MS = 2 * 3600_000;

export type AnchorProblem = {
  reason: "checkpointMismatch" | "checkpointNotGenuine";
  checkpoint: number;
};

export interface ChainHealth extends ChainStatus {
  checkpointOverdue: boolean;
  /** The first signed checkpoint the stored log disagrees with, or a newest checkpoint that is not ours. */
  anchorProblem?: AnchorProblem;
}

/**
 * The overview's view, cheap enough for every visit: no event is re-hashed. It compares the stored
 * hash at every checkpoint's sequence with the checkpoint's (one indexed join), which catches a
 * rewrite with recomputed hashes, and verifies the newest checkpoint's signature, which catches
 * checkpoint rows edited to agree with such a rewrite (it must include the newest). A full
 * verification, every signature included, is "Verify chain" on the audit log.
 */
export async function chainHealth(tx: Tx, orgId: string, now = new Date()): Promise<ChainHealth> {
  const status = await chainStatus(tx, orgId);
  const uncovered = await oldestUncoveredEvent(tx, orgId, status.lastCheckpoint?.seq);
  const anchorProblem = await checkAnchors(tx, orgId);
  const checkpointOverdue =
    uncovered !== undefined &&
    now.getTime() - new Date(uncovered).getTime() > CHECKPOINT_OVERDUE_MS;
  return { ...status, checkpointOverdue, ...(anchorProblem && { anchorProblem }) };
}

/**
 * When the oldest event no checkpoint covers happened. The event right after a checkpoint is that
 * checkpoint's own record, which no later checkpoint needs to wait for.
 */
async function oldestUncoveredEvent(
  tx: Tx,
  orgId: string,
  lastCheckpointSeq: number | undefined,
): Promise<string | undefined> {
  const after: SQL | undefined =
    lastCheckpointSeq === undefined
      ? undefined
      : or(
          gt(auditEvents.seq, lastCheckpointSeq + 1),
          and(
            eq(auditEvents.seq, lastCheckpointSeq + 1),
            ne(auditEvents.action, "audit.checkpoint_created"),
          ),
        );
  const [event] = await tx
    .select({ occurredAt: auditEvents.occurredAt })
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, orgId), after))
    .orderBy(asc(auditEvents.seq))
    .limit(1);
  return event?.occurredAt;
}

async function checkAnchors(tx: Tx, orgId: string): Promise<AnchorProblem | undefined> {
  const [disagreeing] = await tx
    .select({ seq: auditCheckpoints.seq })
    .from(auditCheckpoints)
    .leftJoin(
      auditEvents,
      and(eq(auditEvents.orgId, auditCheckpoints.orgId), eq(auditEvents.seq, auditCheckpoints.seq)),
    )
    .where(
      and(
        eq(auditCheckpoints.orgId, orgId),
        or(isNull(auditEvents.hash), ne(auditEvents.hash, auditCheckpoints.hash)),
      ),
    )
    .orderBy(asc(auditCheckpoints.seq))
    .limit(1);
  if (disagreeing) return { reason: "checkpointMismatch", checkpoint: disagreeing.seq };
  const newest = await newestCheckpoint(tx, orgId);
  if (newest && !isGenuineCheckpoint(orgId, newest))
    return { reason: "checkpointNotGenuine", checkpoint: newest.seq };
  return undefined;
}
