import { sql } from "drizzle-orm";
import {
  type AnyPgColumn, boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from "drizzle-orm/pg-core";
import { bytea, tenantKey, timestamps } from "./columns";
import { customerLaws, customers, type CustomerLaw } from "./customers";
import { organizations } from "./organizations";
import { policyDocuments, policyVersions, type LocalizedText } from "./policies";
import { portalChallenges } from "./portal";
import { users } from "./users";

/**
 * The legal bases a purpose can declare, per law (PIPL Art. 13(1); GDPR Art. 6(1); CCPA/CPRA:
 * opt-out of sale and sharing, notice at collection, opt-in consent). Their articles and how each
 * decides live in lib/consent/legal-bases.ts. PIPL has no legitimate interest, and opt-out is a
 * basis only where a law provides it (CCPA).
 */
export const purposeBasisIds = {
  PIPL: ["consent", "contract", "legal_obligation", "emergency", "news_reporting", "disclosed_information", "other_law"],
  GDPR: ["consent", "contract", "legal_obligation", "vital_interests", "public_interest", "legitimate_interest"],
  CCPA: ["opt_out", "notice", "consent"],
} as const satisfies Record<CustomerLaw, readonly string[]>;
export type BasisOf<L extends CustomerLaw> = (typeof purposeBasisIds)[L][number];
/** A purpose's basis under each law it is offered under; a law without one is not offered the purpose. */
export type PurposeBases = { [L in CustomerLaw]?: BasisOf<L> };
/** How consent is asked where a basis is consent: standard, or separate consent (单独同意, PIPL Arts. 23, 25, 29, 39). */
export const consentKinds = ["standard", "separate"] as const;
export type ConsentKind = (typeof consentKinds)[number];
/** Why a purpose needs separate consent under PIPL. */
export const separateConsentGrounds = ["sensitive", "sharing", "public_disclosure", "cross_border"] as const;
export type SeparateConsentGround = (typeof separateConsentGrounds)[number];

/**
 * How a cross-border transfer is made lawful (PIPL Art. 38; 《促进和规范数据跨境流动规定》, in force
 * 2024-03-22): a standard contract filed with the provincial CAC, certification, a CAC security
 * assessment, or one of the exemptions (contract necessity, HR, emergencies, small volumes).
 */
export const transferMechanisms = ["standard_contract", "certification", "security_assessment", "exemption"] as const;
export type TransferMechanism = (typeof transferMechanisms)[number];

export const consentActions = ["grant", "deny", "withdraw"] as const;
export type ConsentAction = (typeof consentActions)[number];
export const consentChannels = ["app", "web", "mini_program", "sms", "offline", "api"] as const;
export type ConsentChannel = (typeof consentChannels)[number];
/** Who produced the event: the customer themself, the platform's backend, or staff on their behalf. */
export const consentSources = ["customer", "platform_api", "staff"] as const;
export type ConsentSource = (typeof consentSources)[number];
export const consentStatuses = ["granted", "denied", "withdrawn"] as const;
export type ConsentStatus = (typeof consentStatuses)[number];

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

/** Only the laws' own keys, each naming one of that law's bases, and at least one law. */
const basesCheck = (column: AnyPgColumn) => sql.join([
  sql`jsonb_typeof(${column}) = 'object' and ${column} <> '{}'::jsonb`,
  sql`(${column} - array[${sql.raw(quoted(customerLaws))}]) = '{}'::jsonb`,
  ...customerLaws.map((law) => sql`coalesce(${column}->>'${sql.raw(law)}' in (${sql.raw(quoted(purposeBasisIds[law]))}), true)`),
], sql` and `);

/** The catalogue of processing purposes the organisation asks (or does not need to ask) consent for. */
export const purposes = pgTable(
  "purposes",
  {
    ...tenantKey,
    /** Stable code the platform's API uses, e.g. `marketing_sms`. */
    code: text("code").notNull(),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    description: jsonb("description").$type<LocalizedText>().notNull(),
    /** Its basis per law ({ PIPL: "consent", GDPR: "legitimate_interest", CCPA: "opt_out" }). */
    bases: jsonb("bases").$type<PurposeBases>().notNull(),
    consentKind: text("consent_kind").$type<ConsentKind>().notNull(),
    separateGrounds: text("separate_grounds").array().$type<SeparateConsentGround[]>().notNull().default([]),
    dataCategories: text("data_categories").array().notNull().default([]),
    sensitive: boolean("sensitive").notNull().default(false),
    /** Vendors (from the registry) that receive data for this purpose. */
    recipientVendorIds: uuid("recipient_vendor_ids").array().notNull().default([]),
    crossBorderDestination: text("cross_border_destination"),
    /** Set exactly when there is a destination (the transfer register links to it). */
    transferMechanism: text("transfer_mechanism").$type<TransferMechanism>(),
    /** Required purposes (contract, legal obligation) cannot be refused in the preference center. */
    required: boolean("required").notNull().default(false),
    /** The document that describes it; a material change published there asks for re-consent. */
    policyDocumentId: uuid("policy_document_id"),
    /** The version that describes it now (updated when that document publishes). */
    policyVersionId: uuid("policy_version_id"),
    /** Consents given before this instant must be given again (a material change was published). */
    reconsentSince: timestamp("reconsent_since", { withTimezone: true }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    foreignKey({ columns: [t.orgId, t.policyDocumentId], foreignColumns: [policyDocuments.orgId, policyDocuments.id] }),
    foreignKey({ columns: [t.orgId, t.policyVersionId], foreignColumns: [policyVersions.orgId, policyVersions.id] }),
    uniqueIndex("purposes_code_key").on(t.orgId, t.code),
    check("purposes_code_format", sql`${t.code} ~ '^[a-z][a-z0-9_]{1,62}$'`),
    check("purposes_bases", basesCheck(t.bases)),
    check("purposes_consent_kind", sql`${t.consentKind} in ('standard', 'separate')`),
    check("purposes_transfer_mechanism", sql`${t.transferMechanism} in ('standard_contract', 'certification', 'security_assessment', 'exemption')`),
  ],
);

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
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    batchId: uuid("batch_id").notNull(),
    batchSeq: integer("batch_seq").notNull(),
    contentHash: bytea("content_hash").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
    foreignKey({ columns: [t.orgId, t.purposeId], foreignColumns: [purposes.orgId, purposes.id] }),
    foreignKey({ columns: [t.orgId, t.batchId], foreignColumns: [consentBatches.orgId, consentBatches.id] }),
    foreignKey({ columns: [t.orgId, t.guardianChallengeId], foreignColumns: [portalChallenges.orgId, portalChallenges.id] }),
    check("consent_events_guardian", sql`${t.byGuardian} = (${t.guardianChallengeId} is not null)`),
    index("consent_events_customer_idx").on(t.orgId, t.customerId, t.occurredAt),
    index("consent_events_recorded_idx").on(t.orgId, t.recordedAt, t.id),
    index("consent_events_batch_idx").on(t.orgId, t.batchId, t.batchSeq),
    check("consent_events_action", sql`${t.action} in ('grant', 'deny', 'withdraw')`),
    check("consent_events_channel", sql`${t.channel} in ('app', 'web', 'mini_program', 'sms', 'offline', 'api')`),
    check("consent_events_source", sql`${t.source} in ('customer', 'platform_api', 'staff')`),
    check("consent_events_staff_reason", sql`${t.source} <> 'staff' or (${t.staffUserId} is not null and ${t.staffReason} is not null)`),
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
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
    foreignKey({ columns: [t.orgId, t.purposeId], foreignColumns: [purposes.orgId, purposes.id] }),
    index("consent_state_purpose_idx").on(t.orgId, t.purposeId, t.status),
    check("consent_state_status", sql`${t.status} in ('granted', 'denied', 'withdrawn')`),
  ],
);
