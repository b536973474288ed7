import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditEvents, consentBatches, consentEvents } from "@/db/schema";
import { merkleProof, merkleRoot, verifyMerkleProof, type ProofStep } from "./merkle";
import { receiptHash } from "./receipt-hash";

/** Evidence that one receipt is unaltered and part of a batch whose root is in the audit chain. */
export interface InclusionProof {
  receiptId: string;
  batchId: string;
  batchSeq: number;
  /** SHA-256 of the canonical receipt, hex, as stored. */
  contentHash: string;
  /** Siblings from the receipt's leaf up to the root. */
  path: ProofStep[];
  merkleRoot: string;
  /** The audit event that carries the root; null if none was found. */
  auditSeq: number | null;
  checks: {
    /** The stored row hashes to the stored content hash. */
    contentMatches: boolean;
    /** The path leads from the content hash to the batch's root. */
    pathMatches: boolean;
    /** The root recomputed from every receipt of the batch is the stored root. */
    batchRootMatches: boolean;
    /** The audit event names this batch and carries this root. */
    auditMatches: boolean;
  };
  valid: boolean;
}

/**
 * Proves a receipt: re-hashes its row, builds its Merkle path from the batch's stored hashes in
 * batch order, and finds the audit event carrying the batch's root (by the batch's audit_seq,
 * else by the event's target). Undefined for an unknown receipt.
 */
export async function proveReceipt(
  tx: Tx,
  orgId: string,
  receiptId: string,
): Promise<InclusionProof | undefined> {
  const [receipt] = await tx
    .select()
    .from(consentEvents)
    .where(and(eq(consentEvents.orgId, orgId), eq(consentEvents.id, receiptId)));
  if (!receipt) return undefined;
  const [batch] = await tx
    .select()
    .from(consentBatches)
    .where(and(eq(consentBatches.orgId, orgId), eq(consentBatches.id, receipt.batchId)));
  const siblings = await tx
    .select({ seq: consentEvents.batchSeq, hash: consentEvents.contentHash })
    .from(consentEvents)
    .where(and(eq(consentEvents.orgId, orgId), eq(consentEvents.batchId, receipt.batchId)))
    .orderBy(asc(consentEvents.batchSeq));
  const hashes = siblings.map((s) => s.hash);
  const index = siblings.findIndex((s) => s.seq === receipt.batchSeq);
  const path = merkleProof(hashes, index);

  const auditWhere =
    batch.auditSeq !== null
      ? and(eq(auditEvents.orgId, orgId), eq(auditEvents.seq, batch.auditSeq))
      : and(
          eq(auditEvents.orgId, orgId),
          eq(auditEvents.targetType, "consent_batch"),
          eq(auditEvents.targetId, batch.id),
        );
  const [event] = await tx
    .select({
      seq: auditEvents.seq,
      action: auditEvents.action,
      targetId: auditEvents.targetId,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .where(auditWhere)
    .orderBy(desc(auditEvents.seq))
    .limit(1);

  const checks = {
    contentMatches: receiptHash(receipt).equals(receipt.contentHash),
    pathMatches: verifyMerkleProof(receipt.contentHash, path, batch.merkleRoot),
    batchRootMatches: merkleRoot(hashes) === batch.merkleRoot && hashes.length === batch.eventCount,
    auditMatches:
      event?.action === "consent.batch_recorded" &&
      event.targetId === batch.id &&
      (event.details as { merkleRoot?: unknown }).merkleRoot === batch.merkleRoot,
  };
  return {
    receiptId,
    batchId: batch.id,
    batchSeq: receipt.batchSeq,
    contentHash: receipt.contentHash.toString("hex"),
    path,
    merkleRoot: batch.merkleRoot,
    auditSeq: event?.seq ?? null,
    checks,
    valid: Object.values(checks).every(Boolean),
  };
}
