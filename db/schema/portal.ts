import {
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
import { organizations } from "./organizations";
import type { MessageChannel } from "./outbox";

/**
 * A customer proving who they are in the public portal: a one-time code sent to the phone or
 * email on file (or, for a minor, to the guardian's contact: `contactEnc`). `customerId` is null when the contact matched nobody — the visitor is told the
 * same thing and the challenge simply never verifies (no enumeration). Codes are stored as HMACs,
 * expire, are single-use and allow a few attempts.
 */
export const portalChallenges = pgTable(
  "portal_challenges",
  {
    ...tenantKey,
    customerId: uuid("customer_id"),
    /** What the verified session may do: `preferences`, `requests`. */
    purpose: text("purpose").notNull(),
    channel: text("channel").$type<MessageChannel>().notNull(),
    codeHash: text("code_hash").notNull(),
    /**
     * A guardian's challenge (purpose `guardian`, PIPL Art. 31): the phone or email the code went
     * to, sealed under the minor's data key (erasing the minor shreds it). Null for identity checks.
     */
    contactEnc: bytea("contact_enc"),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
    index("portal_challenges_expiry_idx").on(t.expiresAt),
  ],
);
