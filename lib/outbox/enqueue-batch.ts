import "server-only";
import { sql } from "drizzle-orm";
import { byteaArray } from "@/db/bytea-array";
import type { Tx } from "@/db/client";
import type { MessageChannel } from "@/db/schema";
import { encryptField } from "@/lib/core/crypto/field";
import type { FieldKey } from "@/lib/core/crypto/field-key";
import { timeOrderedId } from "@/lib/core/ids";
import { maskEmail, maskPhone } from "@/lib/customers/mask";
import { messageContext } from "./seal";
import type { MessageLocale, TemplateKey } from "./templates";

/** One rendered message to a customer, with the customer's key and the contact read from the vault. */
export interface BatchMessage {
  customerId: string;
  key: FieldKey;
  channel: MessageChannel;
  recipient: string;
  locale: MessageLocale;
  subject: string | null;
  body: string;
}

/**
 * Writes many customers' messages in one statement (a notice to everyone an incident affects),
 * each recipient, subject and body sealed under that customer's own data key and bound to its
 * row, as enqueueMessage seals one. Returns the new message ids in the order given.
 */
export async function enqueueCustomerMessages(
  tx: Tx,
  orgId: string,
  template: TemplateKey,
  messages: BatchMessage[],
): Promise<string[]> {
  if (messages.length === 0) return [];
  const ids = messages.map(() => timeOrderedId());
  const sealed = messages.map((m, i) => ({
    recipient: encryptField(m.key, m.recipient, messageContext(orgId, ids[i], "recipient")),
    subject:
      m.subject === null
        ? null
        : encryptField(m.key, m.subject, messageContext(orgId, ids[i], "subject")),
    body: encryptField(m.key, m.body, messageContext(orgId, ids[i], "body")),
  }));
  await tx.execute(sql`
    insert into message_outbox (org_id, id, customer_id, channel, template, locale, recipient_masked, recipient_enc, subject_enc, body_enc)
    select ${orgId}, u.id, u.customer_id, u.channel, ${template}, u.locale, u.masked, u.r, u.s, u.b
    from unnest(${sql.param(ids)}::uuid[], ${sql.param(messages.map((m) => m.customerId))}::uuid[],
      ${sql.param(messages.map((m) => m.channel))}::text[], ${sql.param(messages.map((m) => m.locale))}::text[],
      ${sql.param(messages.map((m) => (m.channel === "sms" ? maskPhone(m.recipient) : maskEmail(m.recipient))))}::text[],
      ${byteaArray(sealed.map((s) => s.recipient))}, ${byteaArray(sealed.map((s) => s.subject))},
      ${byteaArray(sealed.map((s) => s.body))})
      as u(id, customer_id, channel, locale, masked, r, s, b)`);
  return ids;
}
