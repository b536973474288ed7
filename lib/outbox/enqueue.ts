import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { messageOutbox, organizations, type MessageChannel } from "@/db/schema";
import { existingDataKey } from "@/lib/core/crypto/data-keys";
import { encryptField } from "@/lib/core/crypto/field";
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
}

/**
 * Writes one message to a customer into the outbox, in the caller's transaction (so it is sent
 * only if what decided to send it commits). The recipient is the phone or email on file, read
 * from the vault; recipient, subject and body are sealed under the customer's data key. Returns
 * null when the customer has no contact on that channel.
 */
export async function enqueueMessage(tx: Tx, orgId: string, input: MessageInput): Promise<{ id: string } | null> {
  const recipient = await revealField(tx, orgId, input.customerId, input.channel === "sms" ? "phone" : "email");
  if (!recipient) return null;
  const [org] = await tx.select({ nameZh: organizations.nameZh, nameEn: organizations.nameEn }).from(organizations).where(eq(organizations.id, orgId));
  const platform = input.locale === "en" ? org.nameEn : org.nameZh;
  const { subject, body } = renderMessage(input.template, input.channel, input.locale, { platform, ...input.params });

  const id = randomUUID();
  const key = await existingDataKey(tx, orgId, input.customerId);
  await tx.insert(messageOutbox).values({
    orgId, id, customerId: input.customerId, channel: input.channel, template: input.template, locale: input.locale,
    recipientMasked: input.channel === "sms" ? maskPhone(recipient) : maskEmail(recipient),
    recipientEnc: encryptField(key, recipient, messageContext(orgId, id, "recipient")),
    subjectEnc: subject === null ? null : encryptField(key, subject, messageContext(orgId, id, "subject")),
    bodyEnc: encryptField(key, body, messageContext(orgId, id, "body")),
  });
  return { id };
}
