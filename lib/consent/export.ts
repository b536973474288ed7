import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  consentBatches,
  consentEvents,
  customers,
  policyDocuments,
  policyVersions,
  purposes,
} from "@/db/schema";
import { CSV_BOM, csvRow } from "@/lib/core/csv";
import { AppError } from "@/lib/core/errors";
import { receiptJoins } from "./receipt-joins";
import { merkleProof, type ProofStep } from "./merkle";
import { batchHashes } from "./explorer";
import { consentStateOf } from "./state";

/** Every stored field of a receipt, plus what proves it: its batch's Merkle root and inclusion path. */
export interface EvidenceReceipt {
  receiptId: string;
  occurredAt: string;
  recordedAt: string;
  customerId: string;
  purposeId: string;
  purposeCode: string;
  action: string;
  policyVersionId: string | null;
  policyDocument: string | null;
  policyVersion: number | null;
  noticeHash: string | null;
  channel: string;
  locale: string | null;
  ipTruncated: string | null;
  userAgent: string | null;
  gpc: boolean;
  /** Given by the customer's guardian, verified by a one-time code (PIPL Art. 31). */
  byGuardian: boolean;
  guardianChallengeId: string | null;
  source: string;
  staffUserId: string | null;
  staffReason: string | null;
  batchId: string;
  batchSeq: number;
  contentHash: string;
  merkleRoot: string;
  auditSeq: number | null;
  inclusionProof: ProofStep[];
}

export interface Evidence {
  format: "privacy-desk/consent-evidence/v1";
  organizationId: string;
  customerId: string;
  externalRef: string;
  exportedAt: string;
  /** How to check it: the hash and tree rules, so a third party needs nothing else. */
  verification: string;
  receipts: EvidenceReceipt[];
  /** Where the customer stands now on each purpose, as the check decides it: the law and article applied. */
  decisions: EvidenceDecision[];
}

export interface EvidenceDecision {
  purposeCode: string;
  status: string | null;
  allowed: boolean;
  reason: string;
  law: string | null;
  article: string | null;
}

export const evidenceColumns = [
  "receiptId",
  "occurredAt",
  "recordedAt",
  "customerId",
  "purposeId",
  "purposeCode",
  "action",
  "policyVersionId",
  "policyDocument",
  "policyVersion",
  "noticeHash",
  "channel",
  "locale",
  "ipTruncated",
  "userAgent",
  "gpc",
  "byGuardian",
  "guardianChallengeId",
  "source",
  "staffUserId",
  "staffReason",
  "batchId",
  "batchSeq",
  "contentHash",
  "merkleRoot",
  "auditSeq",
  "inclusionProof",
] as const satisfies ReadonlyArray<keyof EvidenceReceipt>;

const iso = (pg: string) => new Date(pg).toISOString();

/** One customer's receipts, oldest first, with every field and each receipt's inclusion proof, and the current decision per purpose. */
export async function customerEvidence(
  tx: Tx,
  orgId: string,
  customerId: string,
  now = new Date(),
): Promise<Evidence> {
  const [customer] = await tx
    .select({ externalRef: customers.externalRef })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
  if (!customer) throw new AppError("notFound");
  const rows = await tx
    .select({
      receiptId: consentEvents.id,
      occurredAt: consentEvents.occurredAt,
      recordedAt: consentEvents.recordedAt,
      customerId: consentEvents.customerId,
      purposeId: consentEvents.purposeId,
      purposeCode: purposes.code,
      action: consentEvents.action,
      policyVersionId: consentEvents.policyVersionId,
      policyDocument: policyDocuments.slug,
      policyVersion: policyVersions.version,
      noticeHash: consentEvents.noticeHash,
      channel: consentEvents.channel,
      locale: consentEvents.locale,
      ipTruncated: consentEvents.ipTruncated,
      userAgent: consentEvents.userAgent,
      gpc: consentEvents.gpc,
      source: consentEvents.source,
      byGuardian: consentEvents.byGuardian,
      guardianChallengeId: consentEvents.guardianChallengeId,
      staffUserId: consentEvents.staffUserId,
      staffReason: consentEvents.staffReason,
      batchId: consentEvents.batchId,
      batchSeq: consentEvents.batchSeq,
      contentHash: consentEvents.contentHash,
      merkleRoot: consentBatches.merkleRoot,
      auditSeq: consentBatches.auditSeq,
    })
    .from(consentEvents)
    .innerJoin(purposes, receiptJoins.purpose)
    .innerJoin(consentBatches, receiptJoins.batch)
    .leftJoin(policyVersions, receiptJoins.policyVersion)
    .leftJoin(policyDocuments, receiptJoins.policyDocument)
    .where(and(eq(consentEvents.orgId, orgId), eq(consentEvents.customerId, customerId)))
    .orderBy(asc(consentEvents.occurredAt), asc(consentEvents.recordedAt), asc(consentEvents.id));

  // One read of each batch's leaves, however many of this customer's receipts it holds.
  const leaves = new Map<string, Array<{ id: string; hash: Buffer }>>();
  for (const batchId of new Set(rows.map((r) => r.batchId)))
    leaves.set(batchId, await batchHashes(tx, orgId, batchId));
  const receipts = rows.map((r) => {
    const batch = leaves.get(r.batchId)!;
    const index = batch.findIndex((l) => l.id === r.receiptId);
    return {
      ...r,
      occurredAt: iso(r.occurredAt),
      recordedAt: iso(r.recordedAt),
      contentHash: r.contentHash.toString("hex"),
      inclusionProof: merkleProof(
        batch.map((l) => l.hash),
        index,
      ),
    };
  });
  return {
    format: "privacy-desk/consent-evidence/v1",
    organizationId: orgId,
    customerId,
    externalRef: customer.externalRef,
    exportedAt: now.toISOString(),
    verification:
      'contentHash = SHA-256("privacy-desk/consent-receipt/v1\\n" || canonical receipt JSON; a guardian\'s receipt ' +
      "(byGuardian) ends with true and guardianChallengeId after occurredAt); leaf = SHA-256(0x00 || contentHash); " +
      "node = SHA-256(0x01 || left || right), an odd last node carried up; folding inclusionProof from the leaf gives merkleRoot, " +
      "which the audit event at auditSeq (consent.batch_recorded) also carries.",
    receipts,
    decisions: (await consentStateOf(tx, orgId, customerId, now)).map((d) => ({
      purposeCode: d.code,
      status: d.status,
      allowed: d.allowed,
      reason: d.reason,
      law: d.law,
      article: d.article,
    })),
  };
}

/** The CSV's columns after the receipt's: the current decision on the row's purpose (the JSON's `decisions`). */
export const decisionColumns = [
  "decisionAllowed",
  "decisionReason",
  "decisionLaw",
  "decisionArticle",
] as const;

/**
 * The decision a CSV row carries for its purpose: the one decide() gave `decisions`; a purpose
 * archived since has none there, and the check answers it as unknown.
 */
function decisionCells(evidence: Evidence, purposeCode: string): Array<string | null> {
  const d = evidence.decisions.find((x) => x.purposeCode === purposeCode);
  return d
    ? [String(d.allowed), d.reason, d.law, d.article]
    : ["false", "unknown_purpose", null, null];
}

/** The same evidence as CSV: one receipt a line, the proof as JSON in its cell, then the current decision on its purpose. */
export function evidenceCsv(evidence: Evidence): string {
  const lines = evidence.receipts.map((r) =>
    csvRow([
      ...evidenceColumns.map((c) => {
        const value = r[c];
        if (c === "inclusionProof") return JSON.stringify(value);
        return typeof value === "boolean" ? String(value) : (value as string | number | null);
      }),
      ...decisionCells(evidence, r.purposeCode),
    ]),
  );
  return CSV_BOM + csvRow([...evidenceColumns, ...decisionColumns]) + lines.join("");
}
