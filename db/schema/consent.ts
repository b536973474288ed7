import { sql } from "drizzle-orm";
import {
  boolean,
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
import { organizations } from "./organizations";
import { portalChallenges } from "./portal";
import { purposes } from "./purposes";
import { users } from "./users";

export const consentActions = ["grant", "deny", "withdraw"] as const;
export type ConsentAction = (typeof consentActions)[number];
export const consentChannels = ["app", "web", "mini_program", "sms", "offline", "api"] as const;
export type ConsentChannel = (typeof consentChannels)[number];
/** Who produced the event: the customer themself, the platform's backend, or staff on their behalf. */
export const consentSources = ["customer", "platform_api", "staff"] as const;
export type ConsentSource = (typeof consentSources)[number];
export const consentStatuses = ["granted", "denied", "withdrawn"] as const;
export type ConsentStatus = (typeof consentStatuses)[number];

/**
 * One ingested batch of consent events (an API call, one preference-center click, one staff entry).
 * Its Merkle root over the events' content hashes (in `batch_seq` order) is also written to the
 * audit chain, so any receipt can be proven included and no receipt can be altered unnoticed.
 */
export const consentBatches = pgTable(
  "consent_batches",
  {
    ...tenantKey,
    source: text("source").$type<ConsentSource>().notNull(),
    eventCount: integer("event_count").notNull(),
    /** SHA-256 Merkle root, hex. */
    merkleRoot: text("merkle_root").notNull(),
    /** The audit event that carries the root. */
    auditSeq: integer("audit_seq"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
  ],
);

/**
 * Consent receipts: append-only (a trigger refuses UPDATE and DELETE). The id is the receipt id.
 * `contentHash` is SHA-256 over the canonical receipt; the IP is stored truncated (/24, /48).
 */
export const consentEvents = pgTable(
  "consent_events",
  {
    ...tenantKey,
    customerId: uuid("customer_id").notNull(),
    purposeId: uuid("purpose_id").notNull(),
    action: text("action").$type<ConsentAction>().notNull(),
    policyVersionId: uuid("policy_version_id"),
    /** SHA-256 (hex) of the notice text shown to the customer. */
    noticeHash: text("notice_hash"),
    channel: text("channel").$type<ConsentChannel>().notNull(),
    locale: text("locale"),
    ipTruncated: text("ip_truncated"),
    userAgent: text("user_agent"),
    gpc: boolean("gpc").notNull().default(false),
    /** Given by the customer's guardian, whose contact was verified by a one-time code (PIPL Art. 31). */
    byGuardian: boolean("by_guardian").notNull().default(false),
    /** The verified guardian challenge behind a guardian's event; it holds the guardian's contact, sealed. */
    guardianChallengeId: uuid("guardian_challenge_id"),
    source: text("source").$type<ConsentSource>().notNull(),
    /** Staff member who recorded it on the customer's behalf, with their reason. */
    staffUserId: uuid("staff_user_id").references(() => users.id),
    staffReason: text("staff_reason"),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "string" }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "string" })
      .notNull()
      .defaultNow(),
    batchId: uuid("batch_id").notNull(),
    batchSeq: integer("batch_seq").notNull(),
    contentHash: bytea("content_hash").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
    foreignKey({ columns: [t.orgId, t.purposeId], foreignColumns: [purposes.orgId, purposes.id] }),
    foreignKey({
      columns: [t.orgId, t.batchId],
      foreignColumns: [consentBatches.orgId, consentBatches.id],
    }),
    foreignKey({
      columns: [t.orgId, t.guardianChallengeId],
      foreignColumns: [portalChallenges.orgId, portalChallenges.id],
    }),
    check("consent_events_guardian", sql`${t.byGuardian} = (${t.guardianChallengeId} is not null)`),
    index("consent_events_customer_idx").on(t.orgId, t.customerId, t.occurredAt),
    index("consent_events_recorded_idx").on(t.orgId, t.recordedAt, t.id),
    index("consent_events_batch_idx").on(t.orgId, t.batchId, t.batchSeq),
    check("consent_events_action", sql`${t.action} in ('grant', 'deny', 'withdraw')`),
    check(
      "consent_events_channel",
      sql`${t.channel} in ('app', 'web', 'mini_program', 'sms', 'offline', 'api')`,
    ),
    check("consent_events_source", sql`${t.source} in ('customer', 'platform_api', 'staff')`),
    check(
      "consent_events_staff_reason",
      sql`${t.source} <> 'staff' or (${t.staffUserId} is not null and ${t.staffReason} is not null)`,
    ),
  ],
);

/** Current consent per customer and purpose, updated in the same transaction as the event behind it. */
export const consentState = pgTable(
  "consent_state",
  {
    orgId: uuid("org_id").notNull(),
    customerId: uuid("customer_id").notNull(),
    purposeId: uuid("purpose_id").notNull(),
    status: text("status").$type<ConsentStatus>().notNull(),
    /** The receipt behind the current state. */
    eventId: uuid("event_id").notNull(),
    policyVersionId: uuid("policy_version_id"),
    gpc: boolean("gpc").notNull().default(false),
    /** The event behind the state was given by a verified guardian (PIPL Art. 31). */
    byGuardian: boolean("by_guardian").notNull().default(false),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "string" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.customerId, t.purposeId] }),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
    foreignKey({ columns: [t.orgId, t.purposeId], foreignColumns: [purposes.orgId, purposes.id] }),
    index("consent_state_purpose_idx").on(t.orgId, t.purposeId, t.status),
    check("consent_state_status", sql`${t.status} in ('granted', 'denied', 'withdrawn')`),
  ],
);
