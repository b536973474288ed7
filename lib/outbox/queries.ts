import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { messageOutbox } from "@/db/schema";
import { existingDataKey } from "@/lib/core/crypto/data-keys";
import { decryptField } from "@/lib/core/crypto/field";
import { messageContext, sealingSubject } from "./seal";

export const OUTBOX_PAGE_SIZE = 100;

export interface OutboxRow {
  id: string;
  createdAt: Date;
  sentAt: Date | null;
  channel: "sms" | "email";
  recipientMasked: string;
  template: string;
  locale: string;
  status: "pending" | "sent" | "failed" | "held";
  attempts: number;
  lastError: string | null;
  /** The decrypted text, only when asked for (development); null when the customer's key is gone. */
  body?: string | null;
}

/**
 * The newest messages with their masked recipients. `withBodies` (OUTBOX_SHOW_BODIES, development
 * only) also decrypts each text under its customer's key; an erased customer's stays unreadable.
 */
export async function listOutbox(
  tx: Tx,
  orgId: string,
  opts: { withBodies: boolean },
): Promise<OutboxRow[]> {
  const rows = await tx
    .select()
    .from(messageOutbox)
    .where(eq(messageOutbox.orgId, orgId))
    .orderBy(desc(messageOutbox.createdAt), desc(messageOutbox.id))
    .limit(OUTBOX_PAGE_SIZE);
  // One query at a time: a transaction is one connection.
  const out: OutboxRow[] = [];
  for (const row of rows) {
    const summary: OutboxRow = {
      id: row.id,
      createdAt: row.createdAt,
      sentAt: row.sentAt,
      channel: row.channel,
      recipientMasked: row.recipientMasked,
      template: row.template,
      locale: row.locale,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
    };
    if (!opts.withBodies) {
      out.push(summary);
      continue;
    }
    try {
      const key = await existingDataKey(tx, orgId, sealingSubject(row));
      out.push({
        ...summary,
        body: decryptField(key, row.bodyEnc, messageContext(orgId, row.id, "body")),
      });
    } catch {
      out.push({ ...summary, body: null });
    }
  }
  return out;
}
