import "server-only";
import { and, asc, desc, eq, gt, lte, sql } from "drizzle-orm";
import { verify } from "node:crypto";
import type { Tx } from "@/db/client";
import { auditCheckpoints } from "@/db/schema";
import { checkpointSignedBytes, type CheckpointPayload } from "./checkpoint-signature";
import { auditSigningKey } from "./signing-key";
import type { CheckpointAnchor } from "./verify-chain";

export interface Checkpoint {
  id: string;
  seq: number;
  hash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

export const checkpointColumns = {
  id: auditCheckpoints.id,
  seq: auditCheckpoints.seq,
  hash: auditCheckpoints.hash,
  signedAt: auditCheckpoints.signedAt,
  keyId: auditCheckpoints.keyId,
  signature: auditCheckpoints.signature,
};

export const normalised = (row: Checkpoint): Checkpoint => ({
  ...row,
  signedAt: new Date(row.signedAt).toISOString(),
});

/**
 * True when this deployment's key signed exactly this row for this organisation. A row planted or
 * edited in the table (by someone with the database but not the key) is not an anchor. A
 * checkpoint signed with an earlier key cannot be told apart from a forged one, so it fails too.
 */
export function isGenuineCheckpoint(orgId: string, row: Checkpoint): boolean {
  const key = auditSigningKey();
  const { seq, hash, signedAt, keyId, signature } = normalised(row);
  const payload: CheckpointPayload = { orgId, seq, hash, signedAt, keyId };
  try {
    return (
      keyId === key.keyId &&
      verify(null, checkpointSignedBytes(payload), key.publicKey, Buffer.from(signature, "base64"))
    );
  } catch {
    return false;
  }
}

/** The organisation's checkpoint with the highest sequence number, as stored (genuine or not). */
export async function newestCheckpoint(tx: Tx, orgId: string): Promise<Checkpoint | undefined> {
  const [row] = await tx
    .select(checkpointColumns)
    .from(auditCheckpoints)
    .where(eq(auditCheckpoints.orgId, orgId))
    .orderBy(desc(auditCheckpoints.seq))
    .limit(1);
  return row;
}

const BATCH = 500;

/**
 * The organisation's checkpoints after `after` up to `upTo`, in sequence order, each with whether
 * its signature verifies; read in keyset batches so memory stays flat.
 */
export async function* checkpointAnchors(
  tx: Tx,
  orgId: string,
  after: number,
  upTo: number,
): AsyncGenerator<CheckpointAnchor> {
  let cursor: { seq: number; id: string } | undefined;
  for (;;) {
    const batch = await tx
      .select(checkpointColumns)
      .from(auditCheckpoints)
      .where(
        and(
          eq(auditCheckpoints.orgId, orgId),
          cursor
            ? sql`(${auditCheckpoints.seq}, ${auditCheckpoints.id}) > (${cursor.seq}, ${cursor.id}::uuid)`
            : gt(auditCheckpoints.seq, after),
          lte(auditCheckpoints.seq, upTo),
        ),
      )
      .orderBy(asc(auditCheckpoints.seq), asc(auditCheckpoints.id))
      .limit(BATCH);
    for (const row of batch)
      yield { seq: row.seq, hash: row.hash, genuine: isGenuineCheckpoint(orgId, row) };
    if (batch.length < BATCH) return;
    cursor = batch[batch.length - 1];
  }
}
