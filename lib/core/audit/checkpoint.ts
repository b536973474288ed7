import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditCheckpoints } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import {
  checkpointColumns,
  isGenuineCheckpoint,
  newestCheckpoint,
  normalised,
  type Checkpoint,
} from "./checkpoint-rows";
import {
  CHECKPOINT_FORMAT,
  signCheckpoint,
  type CheckpointDocument,
  type CheckpointPayload,
} from "./checkpoint-signature";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { chainHead, lockChain } from "./record";
import { auditSigningKey } from "./signing-key";
import type { ChainFailure } from "./verify-chain";
import { verifyChainSince } from "./verify-organization";

export type { Checkpoint };

/**
 * True when something other than the previous checkpoint's own record was appended since it:
 * every checkpoint writes one event, which alone must not trigger another checkpoint.
 */
function headMoved(head: { seq: number; action: string }, lastSeq: number | undefined): boolean {
  if (lastSeq === undefined) return true;
  if (head.seq > lastSeq + 1) return true;
  return head.seq === lastSeq + 1 && head.action !== "audit.checkpoint_created";
}

/** The refusal names the real cause: the first broken event, or the checkpoint that disagrees. */
function chainFailure(verdict: ChainFailure): AppError {
  switch (verdict.reason) {
    case "broken":
      return new AppError("chainBroken", undefined, "chainBrokenAt", { seq: verdict.brokenAt });
    case "checkpointMismatch":
      return new AppError("chainBroken", undefined, "chainCheckpointMismatch", {
        seq: verdict.checkpoint,
      });
    case "checkpointNotGenuine":
      return new AppError("chainBroken", undefined, "chainCheckpointNotGenuine", {
        seq: verdict.checkpoint,
      });
  }
}

/**
 * Signs the current chain head and stores the checkpoint, then records `audit.checkpoint_created`
 * as the context's actor in the same transaction: the checkpoint covers the head before that event.
 * With `onlyIfMoved`, returns undefined instead when nothing happened since the last checkpoint.
 */
export async function createCheckpoint(
  { tx, orgId, audit }: TenantContext,
  opts: { onlyIfMoved?: boolean } = {},
): Promise<Checkpoint | undefined> {
  await lockChain(tx, orgId);
  const head = await chainHead(tx, orgId);
  if (!head) return undefined;
  const last = await newestCheckpoint(tx, orgId);
  if (opts.onlyIfMoved && !headMoved(head, last?.seq)) return undefined;
  const key = auditSigningKey();
  // Never sign a tampered chain. The last checkpoint is a shortcut only if we signed it (a row
  // planted in the table is not); otherwise the whole chain is checked from its start, against
  // every checkpoint.
  const anchor = last && isGenuineCheckpoint(orgId, last) ? last : undefined;
  const verdict = await verifyChainSince(tx, orgId, anchor);
  if (!verdict.intact) throw chainFailure(verdict);
  const payload: CheckpointPayload = {
    orgId,
    seq: head.seq,
    hash: head.hash,
    signedAt: new Date().toISOString(),
    keyId: key.keyId,
  };
  const signature = signCheckpoint(payload, key.privateKey);
  const [row] = await tx
    .insert(auditCheckpoints)
    .values({
      orgId,
      seq: payload.seq,
      hash: payload.hash,
      signedAt: payload.signedAt,
      keyId: payload.keyId,
      signature,
    })
    .returning({ id: auditCheckpoints.id });
  await audit({
    action: "audit.checkpoint_created",
    targetType: "audit_checkpoint",
    targetId: row.id,
    details: { seq: payload.seq, keyId: payload.keyId },
  });
  return {
    id: row.id,
    seq: payload.seq,
    hash: payload.hash,
    signedAt: payload.signedAt,
    keyId: payload.keyId,
    signature,
  };
}
/** Newest first, keyset on seq (`seq < cursor`). */
export async function listCheckpoints(
  tx: Tx,
  opts: { cursor?: number; limit: number },
): Promise<{ rows: Checkpoint[]; nextCursor?: number }> {
  const found = await tx
    .select(checkpointColumns)
    .from(auditCheckpoints)
    .where(opts.cursor === undefined ? undefined : lt(auditCheckpoints.seq, opts.cursor))
    .orderBy(desc(auditCheckpoints.seq), desc(auditCheckpoints.signedAt))
    .limit(opts.limit + 1);
  const rows = found.slice(0, opts.limit).map(normalised);
  return { rows, nextCursor: found.length > opts.limit ? rows[rows.length - 1].seq : undefined };
}

/** The downloadable document of one checkpoint, or undefined when it is not this organisation's. */
export async function checkpointDocument(
  tx: Tx,
  orgId: string,
  id: string,
): Promise<CheckpointDocument | undefined> {
  const [row] = await tx
    .select(checkpointColumns)
    .from(auditCheckpoints)
    .where(and(eq(auditCheckpoints.orgId, orgId), eq(auditCheckpoints.id, id)));
  if (!row) return undefined;
  const { seq, hash, signedAt, keyId, signature } = normalised(row);
  return {
    format: CHECKPOINT_FORMAT,
    algorithm: "Ed25519",
    payload: { orgId, seq, hash, signedAt, keyId },
    signature,
    keyId,
    // The deployment's current key; a checkpoint signed before a key rotation names the old key id.
    publicKey: auditSigningKey().publicKeyPem,
  };
}
