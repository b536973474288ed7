import { hash } from "node:crypto";
import type { ConsentAction, ConsentChannel, ConsentSource } from "@/db/schema/consent";

/** Everything a receipt's content hash covers: the stored row but recorded_at and the hash itself. */
export interface ReceiptContent {
  id: string;
  orgId: string;
  batchId: string;
  batchSeq: number;
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
  /** Given by the customer's verified guardian (PIPL Art. 31); absent reads as false. */
  byGuardian?: boolean;
  /** The verified guardian challenge behind it; set exactly when `byGuardian`. */
  guardianChallengeId?: string | null;
}

const DOMAIN = "privacy-desk/consent-receipt/v1\n";

/**
 * The receipt as one JSON text with a fixed field order (written out here, not left to whatever
 * order an object arrives in), absent values as null and the instant as ISO UTC in milliseconds,
 * so a receipt read back from the database encodes to the same bytes it was hashed from.
 * A guardian's receipt ends with `true` and its challenge id; any other ends at the instant, so
 * every receipt hashed before guardians existed encodes to the bytes it was hashed from, and
 * turning a customer's receipt into a guardian's (or back) changes its hash.
 */
export function canonicalReceipt(r: ReceiptContent): string {
  return JSON.stringify([
    r.id,
    r.orgId,
    r.batchId,
    r.batchSeq,
    r.customerId,
    r.purposeId,
    r.action,
    r.policyVersionId ?? null,
    r.noticeHash ?? null,
    r.channel,
    r.locale ?? null,
    r.ipTruncated ?? null,
    r.userAgent ?? null,
    r.gpc === true,
    r.source,
    r.staffUserId ?? null,
    r.staffReason ?? null,
    new Date(r.occurredAt).toISOString(),
    ...(r.byGuardian === true ? [true, r.guardianChallengeId ?? null] : []),
  ]);
}

/** SHA-256 over a domain tag and the canonical receipt (32 bytes, stored as bytea). */
export function receiptHash(r: ReceiptContent): Buffer {
  return hash("sha256", DOMAIN + canonicalReceipt(r), "buffer");
}
