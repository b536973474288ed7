import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { messageOutbox, organizations, type MessageChannel } from "@/db/schema";
import { dataKeyFor, existingDataKey } from "@/lib/core/crypto/data-keys";
import { encryptField } from "@/lib/core/crypto/field";
import type { FieldKey } from "@/lib/core/crypto/field-key";
import { maskEmail, maskPhone } from "@/lib/customers/mask";
import { revealField } from "@/lib/customers/queries";
import { messageContext } from "./seal";
import { renderMessage, type MessageLocale, type TemplateKey } from "./templates";

export interface MessageInput {
  customerId: string;
  channel: MessageChannel;
  template: TemplateKey;
  locale: MessageLocale;
  params: Record<string, string>;
  /** Someone acting for the customer (a minor's guardian): sent there instead of the contact on file, sealed all the same. */
  recipient?: string;
}

interface Sealed {
  /** Who the message is about: a customer on file, or an invitation to someone not yet a member. */
  subject: { customerId: string } | { invitationId: string } | { userId: string };
  key: FieldKey;
  recipient: string;
  channel: MessageChannel;
  template: TemplateKey;
  locale: MessageLocale;
  params: Record<string, string>;
}

/** Renders in the organisation's name and writes the row, recipient, subject and body sealed under `key`. */
async function writeMessage(tx: Tx, orgId: string, m: Sealed): Promise<{ id: string }> {
  const [org] = await tx
    .select({ nameZh: organizations.nameZh, nameEn: organizations.nameEn })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const platform = m.locale === "en" ? org.nameEn : org.nameZh;
  const { subject, body } = renderMessage(m.template, m.channel, m.locale, {
    platform,
    ...m.params,
  });
  const id = randomUUID();
  await tx.insert(messageOutbox).values({
    orgId,
    id,
    ...m.subject,
    channel: m.channel,
    template: m.template,
    locale: m.locale,
    recipientMasked: m.channel === "sms" ? maskPhone(m.recipient) : maskEmail(m.recipient),
    recipientEnc: encryptField(m.key, m.recipient, messageContext(orgId, id, "recipient")),
    subjectEnc:
      subject === null ? null : encryptField(m.key, subject, messageContext(orgId, id, "subject")),
    bodyEnc: encryptField(m.key, body, messageContext(orgId, id, "body")),
  });
  return { id };
}

/**
 * Writes one message to a customer into the outbox, in the caller's transaction (so it is sent
 * only if what decided to send it commits). The recipient is the phone or email on file, read
 * from the vault (or the one given for someone acting for the customer); recipient, subject and body are sealed under the customer's data key. Returns
 * null when the customer has no contact on that channel.
 */
export async function enqueueMessage(
  tx: Tx,
  orgId: string,
  input: MessageInput,
): Promise<{ id: string } | null> {
  const { customerId, recipient: given, ...rest } = input;
  const recipient =
    given ??
    (await revealField(tx, orgId, customerId, input.channel === "sms" ? "phone" : "email"));
  if (!recipient) return null;
  return writeMessage(tx, orgId, {
    ...rest,
    subject: { customerId },
    key: await existingDataKey(tx, orgId, customerId),
    recipient,
  });
}

/**
 * Writes an invitation's email, sealed under the invitation's own data key: revoking or accepting
 * the invitation destroys that key, and with it every copy of the link and the address.
 */
export async function enqueueInvitationMessage(
  tx: Tx,
  orgId: string,
  input: {
    invitationId: string;
    email: string;
    locale: MessageLocale;
    params: Record<string, string>;
  },
): Promise<{ id: string }> {
  return writeMessage(tx, orgId, {
    subject: { invitationId: input.invitationId },
    key: await dataKeyFor(tx, orgId, input.invitationId),
    recipient: input.email,
    channel: "email",
    template: "invitation",
    locale: input.locale,
    params: input.params,
  });
}

/**
 * Writes an email to a member of staff about their work (an incident clock that passed), sealed
 * under a data key of that person's own, like every other message's recipient and text.
 */
export async function enqueueStaffMessage(
  tx: Tx,
  orgId: string,
  input: {
    userId: string;
    email: string;
    locale: MessageLocale;
    template: TemplateKey;
    params: Record<string, string>;
  },
): Promise<{ id: string }> {
  return writeMessage(tx, orgId, {
    subject: { userId: input.userId },
    key: await dataKeyFor(tx, orgId, input.userId),
    recipient: input.email,
    channel: "email",
    template: input.template,
    locale: input.locale,
    params: input.params,
  });
}
