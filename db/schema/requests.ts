import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, tenantKey, timestamps } from "./columns";
import { customers, type CustomerLaw } from "./customers";
import { organizations } from "./organizations";
import { users } from "./users";
import { vendors } from "./vendors";

export const requestTypes = [
  "access",
  "portability",
  "rectification",
  "erasure",
  "restriction",
  "objection",
  "withdraw_consent",
  "account_cancellation",
  "question",
  "opt_out_sale_sharing",
  "limit_sensitive",
] as const;
export type RequestType = (typeof requestTypes)[number];
export const requestStatuses = [
  "received",
  "awaiting_identity",
  "verified",
  "in_progress",
  "awaiting_requester",
  "completed",
  "rejected",
] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export const requestChannels = ["portal", "phone", "email", "letter", "in_person", "api"] as const;
export type RequestChannel = (typeof requestChannels)[number];
/** How staff (or the portal) established who the requester is. */
export const identityMethods = [
  "portal_code",
  "phone_callback",
  "email_reply",
  "id_document",
  "in_person",
  "account_session",
] as const;
export type IdentityMethod = (typeof identityMethods)[number];

/** How a stored due date's "days left" are counted (the governing clock's unit). */
export type DueUnit = "working_days" | "business_days" | "calendar_days";

/** What the clocks were set on at receipt, so a later settings change never moves a deadline. */
export interface ClockTerms {
  /** IANA zone of the organisation's EU establishment: the GDPR clock's receipt date. */
  gdprTimeZone: string;
  /** The PIPL period for this request's type. */
  piplPeriod: { amount: number; unit: "working_days" | "calendar_days" };
}

/**
 * A data-subject request. `receivedAt` is the instant it reached us; each applicable law's clock
 * counts from that instant's date in the law's own zone. `receivedOn` is that date in the
 * organisation's zone (lists, references, statistics). `law`, `dueOn`, `dueUnit` and
 * `acknowledgeBy` describe the governing clock (the earliest due of `laws`), recomputed on every
 * change so queues can sort and filter by it. The tracking token is stored only as a SHA-256 hash.
 */
export const dataSubjectRequests = pgTable(
  "data_subject_requests",
  {
    ...tenantKey,
    /** Human reference shown to the requester and staff, e.g. R-2026-000123. */
    reference: text("reference").notNull(),
    type: text("type").$type<RequestType>().notNull(),
    status: text("status").$type<RequestStatus>().notNull().default("received"),
    /** The governing law: the one whose clock is due first. */
    law: text("law").$type<CustomerLaw>().notNull(),
    /** Every law whose clock runs on this request (decided at receipt), and why they apply. */
    laws: text("laws").array().$type<CustomerLaw[]>().notNull(),
    lawsBasis: text("laws_basis").$type<
      "customer" | "region" | "organisation" | "region_outside"
    >(),
    clockTerms: jsonb("clock_terms").$type<ClockTerms>().notNull(),
    customerId: uuid("customer_id"),
    channel: text("channel").$type<RequestChannel>().notNull(),
    locale: text("locale").notNull().default("zh-CN"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    receivedOn: date("received_on").notNull(),
    verifiedOn: date("verified_on"),
    identityMethod: text("identity_method").$type<IdentityMethod>(),
    /** Open pause (waiting for the requester) since this day; closed pauses are request events. */
    pausedSince: date("paused_since"),
    extended: boolean("extended").notNull().default(false),
    dueOn: date("due_on"),
    dueUnit: text("due_unit").$type<DueUnit>(),
    acknowledgeBy: date("acknowledge_by"),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    assigneeId: uuid("assignee_id").references(() => users.id),
    duplicateOfId: uuid("duplicate_of_id"),
    /** Type-specific input: purposes to withdraw, fields to rectify (sealed elsewhere), free text kept out. */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    trackingTokenHash: text("tracking_token_hash").notNull(),
    rejectionReason: text("rejection_reason"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps,
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    foreignKey({
      columns: [t.orgId, t.customerId],
      foreignColumns: [customers.orgId, customers.id],
    }),
    uniqueIndex("data_subject_requests_reference_key").on(t.orgId, t.reference),
    uniqueIndex("data_subject_requests_tracking_key").on(t.trackingTokenHash),
    index("data_subject_requests_due_idx").on(t.orgId, t.dueOn, t.id),
    index("data_subject_requests_received_idx").on(t.orgId, t.receivedOn, t.id),
    index("data_subject_requests_customer_idx").on(t.orgId, t.customerId, t.type),
    index("data_subject_requests_open_idx")
      .on(t.orgId, t.status, t.dueOn, t.id)
      .where(sql`status not in ('completed', 'rejected')`),
    check(
      "dsr_type",
      sql`${t.type} in ('access', 'portability', 'rectification', 'erasure', 'restriction', 'objection', 'withdraw_consent', 'account_cancellation', 'question', 'opt_out_sale_sharing', 'limit_sensitive')`,
    ),
    check(
      "dsr_status",
      sql`${t.status} in ('received', 'awaiting_identity', 'verified', 'in_progress', 'awaiting_requester', 'completed', 'rejected')`,
    ),
    check("dsr_law", sql`${t.law} in ('PIPL', 'GDPR', 'CCPA')`),
    check(
      "dsr_laws",
      sql`${t.laws} <@ array['PIPL', 'GDPR', 'CCPA']::text[] and cardinality(${t.laws}) > 0 and ${t.law} = any(${t.laws})`,
    ),
    check(
      "dsr_laws_basis",
      sql`${t.lawsBasis} in ('customer', 'region', 'organisation', 'region_outside')`,
    ),
    check("dsr_due_unit", sql`${t.dueUnit} in ('working_days', 'business_days', 'calendar_days')`),
    check(
      "dsr_rejection_reason",
      sql`${t.status} <> 'rejected' or ${t.rejectionReason} is not null`,
    ),
  ],
);

export const requestEventKinds = [
  "created",
  "status_changed",
  "assigned",
  "note",
  "message_to_requester",
  "message_from_requester",
  "paused",
  "resumed",
  "extended",
  "identity_verified",
  "duplicate_linked",
  "fulfilment",
  "download",
  "acknowledged",
] as const;
export type RequestEventKind = (typeof requestEventKinds)[number];

/**
 * The request's timeline. Message bodies and notes are sealed under the customer's data key when
 * the request has a customer (erasing the customer shreds them), else under the organisation key.
 */
export const requestEvents = pgTable(
  "request_events",
  {
    ...tenantKey,
    requestId: uuid("request_id").notNull(),
    kind: text("kind").$type<RequestEventKind>().notNull(),
    fromStatus: text("from_status").$type<RequestStatus>(),
    toStatus: text("to_status").$type<RequestStatus>(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    /** Ids, dates and counts: { pausedFrom, resumedOn, reason code, assigneeId, … } — never personal data. */
    data: jsonb("data")
      .$type<Record<string, string | number | boolean | null>>()
      .notNull()
      .default({}),
    bodyEnc: bytea("body_enc"),
    /** Shown on the requester's tracking page. */
    visibleToRequester: boolean("visible_to_requester").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.requestId],
      foreignColumns: [dataSubjectRequests.orgId, dataSubjectRequests.id],
    }),
    index("request_events_request_idx").on(t.orgId, t.requestId, t.createdAt),
  ],
);

export const vendorTaskStatuses = ["open", "confirmed", "not_applicable"] as const;
export type VendorTaskStatus = (typeof vendorTaskStatuses)[number];

/** Erasure follow-up: each vendor that received the customer's data must confirm deletion. */
export const requestVendorTasks = pgTable(
  "request_vendor_tasks",
  {
    ...tenantKey,
    requestId: uuid("request_id").notNull(),
    vendorId: uuid("vendor_id").notNull(),
    /** The data categories that vendor received, copied at creation. */
    dataCategories: text("data_categories").array().notNull().default([]),
    status: text("status").$type<VendorTaskStatus>().notNull().default("open"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    confirmedBy: uuid("confirmed_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.requestId],
      foreignColumns: [dataSubjectRequests.orgId, dataSubjectRequests.id],
    }),
    foreignKey({ columns: [t.orgId, t.vendorId], foreignColumns: [vendors.orgId, vendors.id] }),
    uniqueIndex("request_vendor_tasks_once").on(t.orgId, t.requestId, t.vendorId),
  ],
);

export const exportStatuses = ["building", "ready", "failed", "expired"] as const;
export type ExportStatus = (typeof exportStatuses)[number];

/** An access/portability package: a ZIP sealed under the customer's data key, downloadable for 7 days. */
export const requestExports = pgTable(
  "request_exports",
  {
    ...tenantKey,
    requestId: uuid("request_id").notNull(),
    status: text("status").$type<ExportStatus>().notNull().default("building"),
    fileEnc: bytea("file_enc"),
    sizeBytes: integer("size_bytes"),
    sha256: text("sha256"),
    counts: jsonb("counts").$type<Record<string, number>>().notNull().default({}),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp("ready_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    downloads: integer("downloads").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.requestId],
      foreignColumns: [dataSubjectRequests.orgId, dataSubjectRequests.id],
    }),
    index("request_exports_request_idx").on(t.orgId, t.requestId),
  ],
);

export const rectificationDecisions = ["pending", "approved", "rejected"] as const;
export type RectificationDecision = (typeof rectificationDecisions)[number];

/** A corrected value the requester proposes for one vault field, sealed under their data key. */
export const requestRectifications = pgTable(
  "request_rectifications",
  {
    ...tenantKey,
    requestId: uuid("request_id").notNull(),
    field: text("field").notNull(),
    proposedEnc: bytea("proposed_enc"),
    decision: text("decision").$type<RectificationDecision>().notNull().default("pending"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.requestId],
      foreignColumns: [dataSubjectRequests.orgId, dataSubjectRequests.id],
    }),
    uniqueIndex("request_rectifications_field_key").on(t.orgId, t.requestId, t.field),
  ],
);

/**
 * A year of the working-day calendar the PIPL clock counts on, per organisation (administrators
 * edit a year and add the next when the State Council announces it). Seeded with PRC 2026.
 */
export const workingCalendars = pgTable(
  "working_calendars",
  {
    orgId: uuid("org_id").notNull(),
    calendar: text("calendar").notNull().default("CN"),
    year: integer("year").notNull(),
    holidays: jsonb("holidays")
      .$type<Array<{ name: string; from: string; to: string }>>()
      .notNull(),
    makeupWorkdays: text("makeup_workdays").array().notNull().default([]),
    source: text("source"),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.calendar, t.year] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
  ],
);

/**
 * The reminder to enter a year's PRC working calendar, written once per organisation and year by
 * the calendar-reminder job from 1 November; the administrators' task lasts until the year is entered.
 */
export const calendarReminders = pgTable(
  "calendar_reminders",
  {
    orgId: uuid("org_id").notNull(),
    year: integer("year").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.year] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
  ],
);
