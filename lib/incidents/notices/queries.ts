import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { incidentNotices } from "@/db/schema";
import type { MessageStatus } from "@/db/schema/outbox";

export type IncidentNotice = typeof incidentNotices.$inferSelect;
export const RECIPIENTS_SHOWN = 100;

/** The incident's notices, newest first: its draft, the one sending and those sent or failed. */
export async function noticesOf(tx: Tx, orgId: string, incidentId: string) {
  return tx
    .select()
    .from(incidentNotices)
    .where(and(eq(incidentNotices.orgId, orgId), eq(incidentNotices.incidentId, incidentId)))
    .orderBy(desc(incidentNotices.createdAt))
    .limit(20);
}

export interface NoticeRecipient {
  messageId: string | null;
  recipientMasked: string | null;
  channel: "sms" | "email" | null;
  locale: string | null;
  /** The outbox's status; null when no message was queued (erased, no contact, told before). */
  status: MessageStatus | null;
  erased: boolean;
  sentAt: Date | null;
}

/** Each person of the notice's selection (the first RECIPIENTS_SHOWN) with their message's status in the outbox, masked. */
export async function noticeRecipients(
  tx: Tx,
  orgId: string,
  setId: string,
): Promise<NoticeRecipient[]> {
  const rows = await tx.execute<{
    message_id: string | null;
    recipient_masked: string | null;
    channel: "sms" | "email" | null;
    locale: string | null;
    status: MessageStatus | null;
    erased: boolean;
    sent_at: string | null;
  }>(sql`
    select a.message_id, m.recipient_masked, m.channel, m.locale, m.status, c.status = 'erased' as erased, m.sent_at
    from incident_affected_customers a
    join customers c on c.org_id = a.org_id and c.id = a.customer_id
    left join message_outbox m on m.org_id = a.org_id and m.id = a.message_id
    where a.org_id = ${orgId} and a.set_id = ${setId}
    order by a.customer_id limit ${RECIPIENTS_SHOWN}`);
  return rows.rows.map((r) => ({
    messageId: r.message_id,
    recipientMasked: r.recipient_masked,
    channel: r.channel,
    locale: r.locale,
    status: r.status,
    erased: r.erased,
    sentAt: r.sent_at ? new Date(r.sent_at) : null,
  }));
}
