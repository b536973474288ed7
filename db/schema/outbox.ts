import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, tenantKey } from "./columns";
import { customers } from "./customers";
import { invitations } from "./invitations";
import { organizations } from "./organizations";
import { users } from "./users";

export const messageChannels = ["sms", "email"] as const;
export type MessageChannel = (typeof messageChannels)[number];
export const messageStatuses = ["pending", "sent", "failed", "held"] as const;
export type MessageStatus = (typeof messageStatuses)[number];

/**
 * Messages to customers (one-time codes, request updates) and invitations to staff, written in the
 * transaction that decides to send them and delivered by a job. Each goes either to a customer on
 * file or to the address of an invitation, and recipient and body are sealed under that subject's
 * data key (AAD binds the row): erasing the customer, or revoking or accepting the invitation,
 * shreds the message too. Only a masked recipient is stored in the clear.
 */
export const messageOutbox = pgTable(
  "message_outbox",
  {
    ...tenantKey,
    customerId: uuid("customer_id"),
    invitationId: uuid("invitation_id"),
    /** A member of staff told about their work (an incident clock that passed): sealed under a data key of theirs. */
    userId: uuid("user_id"),
    channel: text("channel").$type<MessageChannel>().notNull(),
    /** Template key, e.g. `portal.code`: says what the message is without its content. */
    template: text("template").notNull(),
    locale: text("locale").notNull(),
    recipientMasked: text("recipient_masked").notNull(),
    recipientEnc: bytea("recipient_enc").notNull(),
    subjectEnc: bytea("subject_enc"),
    bodyEnc: bytea("body_enc").notNull(),
    status: text("status").$type<MessageStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
    foreignKey({
      columns: [t.orgId, t.invitationId],
      foreignColumns: [invitations.orgId, invitations.id],
    }),
    foreignKey({ columns: [t.userId], foreignColumns: [users.id] }),
    check(
      "message_outbox_one_subject",
      sql`num_nonnulls(${t.customerId}, ${t.invitationId}, ${t.userId}) = 1`,
    ),
    index("message_outbox_created_idx").on(t.orgId, t.createdAt, t.id),
    index("message_outbox_pending_idx")
      .on(t.orgId, t.createdAt)
      .where(sql`status = 'pending'`),
    check("message_outbox_channel", sql`${t.channel} in ('sms', 'email')`),
    check("message_outbox_status", sql`${t.status} in ('pending', 'sent', 'failed', 'held')`),
  ],
);
