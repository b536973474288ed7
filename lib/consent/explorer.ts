import "server-only";
import { and, desc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  auditEvents,
  consentBatches,
  consentEvents,
  customers,
  policyDocuments,
  policyVersions,
  purposes,
  users,
} from "@/db/schema";
import type { ConsentAction, ConsentChannel, ConsentSource } from "@/db/schema/consent";
import { decodeCursor, encodeCursor } from "@/lib/core/pagination/cursor";
import { pageOf } from "@/lib/core/pagination/keyset";
import { receiptJoins } from "./receipt-joins";
import { merkleProof, verifyMerkleProof, type ProofStep } from "./merkle";
import { receiptHash } from "./receipt-hash";

export const RECEIPTS_PAGE_SIZE = 50;

/** What the explorer filters on: catalogue values and dates only, never a personal identifier. */
export interface ReceiptFilters {
  purposeId?: string;
  action?: ConsentAction;
  channel?: ConsentChannel;
  source?: ConsentSource;
  /** Only receipts that applied a Global Privacy Control signal. */
  gpc?: boolean;
  /** Bounds on recorded_at: the explorer's order, so a date range is a range of the index. */
  from?: Date;
  to?: Date;
}

/** One receipt as a list shows it: customer masks only (never decrypted), catalogue labels. */
const listColumns = {
  id: consentEvents.id,
  recordedAt: consentEvents.recordedAt,
  occurredAt: consentEvents.occurredAt,
  customerId: consentEvents.customerId,
  customerNameMasked: customers.nameMasked,
  customerPhoneMasked: customers.phoneMasked,
  customerStatus: customers.status,
  purposeId: consentEvents.purposeId,
  purposeCode: purposes.code,
  purposeName: purposes.name,
  action: consentEvents.action,
  channel: consentEvents.channel,
  source: consentEvents.source,
  gpc: consentEvents.gpc,
  byGuardian: consentEvents.byGuardian,
  policyVersionId: consentEvents.policyVersionId,
  policyVersion: policyVersions.version,
  policySlug: policyDocuments.slug,
};

export type ReceiptRow = Awaited<ReturnType<typeof listReceipts>>["rows"][number];

// recorded_at as PostgreSQL prints it; anything else in a cursor would reach the database as an invalid value.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;

function conditions(orgId: string, filters: ReceiptFilters): SQL[] {
  // The org condition repeats RLS so the planner walks consent_events_recorded_idx (org_id, recorded_at, id).
  const all: Array<SQL | undefined> = [
    eq(consentEvents.orgId, orgId),
    filters.purposeId ? eq(consentEvents.purposeId, filters.purposeId) : undefined,
    filters.action ? eq(consentEvents.action, filters.action) : undefined,
    filters.channel ? eq(consentEvents.channel, filters.channel) : undefined,
    filters.source ? eq(consentEvents.source, filters.source) : undefined,
    filters.gpc ? eq(consentEvents.gpc, true) : undefined,
    filters.from ? gte(consentEvents.recordedAt, filters.from.toISOString()) : undefined,
    filters.to ? lte(consentEvents.recordedAt, filters.to.toISOString()) : undefined,
  ];
  return all.filter((c): c is SQL => c !== undefined);
}

/**
 * Receipts newest first, keyset on (recorded_at, id) desc, 50 a page. The row comparison is an
 * index condition on consent_events_recorded_idx, so a deep page seeks straight to its cursor;
 * the joins are primary-key probes for the 51 rows fetched.
 */
export async function listReceipts(
  tx: Tx,
  orgId: string,
  filters: ReceiptFilters,
  cursor?: string,
  limit = RECEIPTS_PAGE_SIZE,
) {
  const decoded = decodeCursor(cursor);
  const at =
    decoded && typeof decoded.v === "string" && TIMESTAMP.test(decoded.v) ? decoded : undefined;
  const after =
    at &&
    sql`(${consentEvents.recordedAt}, ${consentEvents.id}) < (${at.v}::timestamptz, ${at.id}::uuid)`;
  const rows = await tx
    .select(listColumns)
    .from(consentEvents)
    .innerJoin(
      customers,
      and(eq(customers.orgId, consentEvents.orgId), eq(customers.id, consentEvents.customerId)),
    )
    .innerJoin(purposes, receiptJoins.purpose)
    .leftJoin(policyVersions, receiptJoins.policyVersion)
    .leftJoin(policyDocuments, receiptJoins.policyDocument)
    .where(and(...conditions(orgId, filters), after))
    .orderBy(desc(consentEvents.recordedAt), desc(consentEvents.id))
    .limit(limit + 1);
  const page = pageOf(rows, limit, (row) => ({ v: row.recordedAt, id: row.id }));
  return { rows: page.rows, next: page.next && encodeCursor(page.next) };
}

/** Every field of one receipt, with its batch (Merkle root, audit sequence) and the staff member, if any. */
export async function getReceipt(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select({
      ...listColumns,
      noticeHash: consentEvents.noticeHash,
      locale: consentEvents.locale,
      ipTruncated: consentEvents.ipTruncated,
      userAgent: consentEvents.userAgent,
      staffUserId: consentEvents.staffUserId,
      staffName: users.name,
      staffReason: consentEvents.staffReason,
      guardianChallengeId: consentEvents.guardianChallengeId,
      batchId: consentEvents.batchId,
      batchSeq: consentEvents.batchSeq,
      contentHash: consentEvents.contentHash,
      batchSource: consentBatches.source,
      batchEventCount: consentBatches.eventCount,
      merkleRoot: consentBatches.merkleRoot,
      auditSeq: consentBatches.auditSeq,
      batchCreatedAt: consentBatches.createdAt,
    })
    .from(consentEvents)
    .innerJoin(
      customers,
      and(eq(customers.orgId, consentEvents.orgId), eq(customers.id, consentEvents.customerId)),
    )
    .innerJoin(purposes, receiptJoins.purpose)
    .innerJoin(consentBatches, receiptJoins.batch)
    .leftJoin(policyVersions, receiptJoins.policyVersion)
    .leftJoin(policyDocuments, receiptJoins.policyDocument)
    .leftJoin(users, eq(users.id, consentEvents.staffUserId))
    .where(and(eq(consentEvents.orgId, orgId), eq(consentEvents.id, id)));
  if (!row) return undefined;
  return {
    ...row,
    contentHash: row.contentHash.toString("hex"),
    verification: await verifyReceipt(tx, orgId, row),
  };
}

export interface ReceiptVerification {
  /** The stored content hash equals the hash recomputed from the stored fields. */
  contentHashMatches: boolean;
  /** The receipt's inclusion path in its batch, and whether it leads to the batch's Merkle root. */
  proof: ProofStep[];
  proofValid: boolean;
  /** The audit event the batch names carries the same Merkle root. */
  auditRootMatches: boolean;
}

/** The batch's content hashes in batch order: a range of consent_events_batch_idx. */
export async function batchHashes(
  tx: Tx,
  orgId: string,
  batchId: string,
): Promise<Array<{ id: string; hash: Buffer }>> {
  return tx
    .select({ id: consentEvents.id, hash: consentEvents.contentHash })
    .from(consentEvents)
    .where(and(eq(consentEvents.orgId, orgId), eq(consentEvents.batchId, batchId)))
    .orderBy(consentEvents.batchSeq);
}

type StoredReceipt = {
  id: string;
  customerId: string;
  purposeId: string;
  action: ConsentAction;
  policyVersionId: string | null;
  noticeHash: string | null;
  channel: ConsentChannel;
  locale: string | null;
  ipTruncated: string | null;
  userAgent: string | null;
  gpc: boolean;
  source: ConsentSource;
  staffUserId: string | null;
  staffReason: string | null;
  occurredAt: string;
  batchId: string;
  batchSeq: number;
  contentHash: Buffer;
  byGuardian: boolean;
  guardianChallengeId: string | null;
  merkleRoot: string;
  auditSeq: number | null;
};

/** Re-derives everything a receipt's tamper evidence claims, from the stored rows alone. */
export async function verifyReceipt(
  tx: Tx,
  orgId: string,
  r: StoredReceipt,
): Promise<ReceiptVerification> {
  const recomputed = receiptHash({ ...r, orgId, occurredAt: new Date(r.occurredAt).toISOString() });
  const leaves = await batchHashes(tx, orgId, r.batchId);
  const index = leaves.findIndex((l) => l.id === r.id);
  const proof =
    index >= 0
      ? merkleProof(
          leaves.map((l) => l.hash),
          index,
        )
      : [];
  const [anchor] =
    r.auditSeq === null
      ? []
      : await tx
          .select({ details: auditEvents.details })
          .from(auditEvents)
          .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.seq, r.auditSeq)));
  return {
    contentHashMatches: recomputed.equals(r.contentHash),
    proof,
    proofValid: index >= 0 && verifyMerkleProof(r.contentHash, proof, r.merkleRoot),
    auditRootMatches:
      (anchor?.details as Record<string, unknown> | undefined)?.merkleRoot === r.merkleRoot,
  };
}

/** The purposes a filter can pick from, archived ones included (old receipts still name them). */
export async function purposeOptions(tx: Tx, orgId: string) {
  return tx
    .select({
      id: purposes.id,
      code: purposes.code,
      name: purposes.name,
      archived: sql<boolean>`${purposes.archivedAt} is not null`,
    })
    .from(purposes)
    .where(eq(purposes.orgId, orgId))
    .orderBy(purposes.code);
}
