import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
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
import { tenantKey, timestamps } from "./columns";
import type { CustomerLaw } from "./customers";
import { organizations } from "./organizations";
import { departments } from "./departments";
import { users } from "./users";
import { vendors } from "./vendors";

/** reported → triage → investigating → contained → notifying → closed, or dismissed (lib/incidents/transitions.ts). */
export const incidentStatuses = [
  "reported",
  "triage",
  "investigating",
  "contained",
  "notifying",
  "closed",
  "dismissed",
] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];
/** The officer's classification at triage. */
export const incidentClassifications = ["pi_breach", "security_incident", "not_incident"] as const;
export type IncidentClassification = (typeof incidentClassifications)[number];
/** What a personal-information breach did to the information (PIPL Art. 57: 泄露、篡改、丢失). */
export const breachTypes = ["confidentiality", "integrity", "availability"] as const;
export type BreachType = (typeof breachTypes)[number];
/** CAC grades, lowest first: 一般, 较大, 重大, 特别重大 (lib/incidents/grading.ts). */
export const incidentGrades = ["general", "relatively_major", "major", "especially_major"] as const;
export type IncidentGrade = (typeof incidentGrades)[number];
/** GDPR Arts. 33–34: unlikely to result in a risk, a risk, a high risk. */
export const gdprRiskLevels = ["none", "risk", "high"] as const;
export type GdprRiskLevel = (typeof gdprRiskLevels)[number];

/**
 * A suspected or confirmed incident. Anyone reports one (`reportedBy`, whose department at the
 * time is `departmentId`: a manager sees their department's); officers triage it. Counts are
 * estimates until an affected set is selected from the vault. `drill` incidents are timed like
 * real ones but kept out of statistics and never notify anyone outside.
 */
export const incidents = pgTable(
  "incidents",
  {
    ...tenantKey,
    /** Human reference, e.g. INC-2026-0007. */
    reference: text("reference").notNull(),
    summary: text("summary").notNull(),
    description: text("description").notNull(),
    discoveredAt: timestamp("discovered_at", { withTimezone: true }).notNull(),
    reportedBy: uuid("reported_by").notNull(),
    departmentId: uuid("department_id"),
    systems: text("systems").array().notNull().default([]),
    dataCategories: text("data_categories").array().notNull().default([]),
    estimatedAffected: bigint("estimated_affected", { mode: "number" }),
    vendorId: uuid("vendor_id"),
    status: text("status").$type<IncidentStatus>().notNull().default("reported"),
    classification: text("classification").$type<IncidentClassification>(),
    breachTypes: text("breach_types").array().$type<BreachType[]>().notNull().default([]),
    dismissReason: text("dismiss_reason"),
    drill: boolean("drill").notNull().default(false),
    /** Direct economic loss in whole yuan (the CAC grading counts it). */
    directLossCny: bigint("direct_loss_cny", { mode: "number" }),
    /** Laws the affected people fall under (estimate at triage, or from the affected set). */
    affectedLaws: text("affected_laws").array().$type<CustomerLaw[]>().notNull().default([]),
    /** People in the committed selection from the vault (lib/incidents/affected); null until one is committed. */
    affectedCount: bigint("affected_count", { mode: "number" }),
    /** California residents affected (Cal. Civ. Code §1798.82). */
    californiaResidents: bigint("california_residents", { mode: "number" }),
    proposedGrade: text("proposed_grade").$type<IncidentGrade>(),
    grade: text("grade").$type<IncidentGrade>(),
    gradeReason: text("grade_reason"),
    gradeConfirmedBy: uuid("grade_confirmed_by"),
    gdprRisk: text("gdpr_risk").$type<GdprRiskLevel>(),
    gdprRiskReason: text("gdpr_risk_reason"),
    assigneeId: uuid("assignee_id"),
    triagedAt: timestamp("triaged_at", { withTimezone: true }),
    containedAt: timestamp("contained_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    foreignKey({ columns: [t.reportedBy], foreignColumns: [users.id] }),
    foreignKey({ columns: [t.assigneeId], foreignColumns: [users.id] }),
    foreignKey({
      columns: [t.orgId, t.departmentId],
      foreignColumns: [departments.orgId, departments.id],
    }),
    foreignKey({ columns: [t.orgId, t.vendorId], foreignColumns: [vendors.orgId, vendors.id] }),
    uniqueIndex("incidents_reference_idx").on(t.orgId, t.reference),
    index("incidents_status_idx").on(t.orgId, t.status, t.id),
    index("incidents_reporter_idx").on(t.orgId, t.reportedBy),
    check(
      "incidents_status",
      sql`${t.status} in ('reported', 'triage', 'investigating', 'contained', 'notifying', 'closed', 'dismissed')`,
    ),
    check(
      "incidents_not_incident_reason",
      sql`${t.classification} is distinct from 'not_incident' or ${t.dismissReason} is not null`,
    ),
  ],
);

/** When a rule's clock applies: every condition given must hold (lib/incidents/clock-rules.ts). */
export interface ClockTrigger {
  classifications?: IncidentClassification[];
  /** The confirmed (else proposed) CAC grade is at least this. */
  minGrade?: IncidentGrade;
  /** Affected people fall under this law. */
  law?: CustomerLaw;
  /** The GDPR risk is one of these (not yet assessed counts as a risk). */
  gdprRisks?: GdprRiskLevel[];
  /** The organisation is (or is not) a critical information infrastructure operator. */
  ciiOperator?: boolean;
  /** More than this many California residents are affected. */
  californiaResidentsOver?: number;
}
export const clockUnits = ["hours", "calendar_days", "working_days"] as const;
export type IncidentClockUnit = (typeof clockUnits)[number];
/** The instant a clock counts from: discovery, the officer's triage, containment, or another rule's clock being met. */
export type ClockStart = "discovered" | "triaged" | "contained" | `met:${string}`;

/** Clock rules an organisation's administrators add to the reference rules in code. */
export const incidentClockRules = pgTable(
  "incident_clock_rules",
  {
    ...tenantKey,
    key: text("key").notNull(),
    law: text("law").notNull(),
    recipient: text("recipient").notNull(),
    trigger: jsonb("trigger").$type<ClockTrigger>().notNull(),
    periodAmount: integer("period_amount"),
    periodUnit: text("period_unit").$type<IncidentClockUnit>(),
    startEvent: text("start_event").$type<ClockStart>().notNull(),
    checklist: text("checklist").array().notNull().default([]),
    source: text("source").notNull(),
    inForceFrom: text("in_force_from"),
    createdBy: uuid("created_by").notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    uniqueIndex("incident_clock_rules_key_idx").on(t.orgId, t.key),
    check(
      "incident_clock_rules_unit",
      sql`${t.periodUnit} is null or ${t.periodUnit} in ('hours', 'calendar_days', 'working_days')`,
    ),
  ],
);

export const clockOutcomes = ["done", "waived"] as const;
export type ClockOutcome = (typeof clockOutcomes)[number];

/** A clock stopped: the report or notice was made (`done`, with the reason when late) or is not needed (`waived`, with the reason). */
export const incidentClockMarks = pgTable(
  "incident_clock_marks",
  {
    ...tenantKey,
    incidentId: uuid("incident_id").notNull(),
    ruleKey: text("rule_key").notNull(),
    outcome: text("outcome").$type<ClockOutcome>().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    reason: text("reason"),
    /** GDPR Art. 34(3): which exception excuses notifying individuals. */
    exception: text("exception"),
    recordedBy: uuid("recorded_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.incidentId],
      foreignColumns: [incidents.orgId, incidents.id],
    }),
    uniqueIndex("incident_clock_marks_rule_idx").on(t.orgId, t.incidentId, t.ruleKey),
    check("incident_clock_marks_outcome", sql`${t.outcome} in ('done', 'waived')`),
  ],
);

/** A clock that passed and whose people were told, so the job tells them once. */
export const incidentClockAlerts = pgTable(
  "incident_clock_alerts",
  {
    orgId: uuid("org_id").notNull(),
    incidentId: uuid("incident_id").notNull(),
    ruleKey: text("rule_key").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.incidentId, t.ruleKey] }),
    foreignKey({
      columns: [t.orgId, t.incidentId],
      foreignColumns: [incidents.orgId, incidents.id],
    }),
  ],
);

/** The organisation's incident settings: one row, absent until first saved (defaults apply). */
export const incidentSettings = pgTable(
  "incident_settings",
  {
    orgId: uuid("org_id").notNull().primaryKey(),
    /** A critical information infrastructure operator reports 较大+ incidents within 1 hour, not 4. */
    ciiOperator: boolean("cii_operator").notNull().default(false),
    /** PIPL Art. 57 names no hour count: the organisation's own target, shown as a target. */
    piplTargetHours: integer("pipl_target_hours").notNull().default(24),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] })],
);

/**
 * How an officer states who is affected (lib/incidents/affected/criteria.ts): the vault-backed data
 * categories involved, customers of a merchant and orders in a time window (all given must hold),
 * a CSV of external references, or everyone.
 */
export type AffectedCriteria =
  | {
      kind: "criteria";
      categories: string[];
      merchantId: string | null;
      ordersFrom: string | null;
      ordersTo: string | null;
    }
  | { kind: "csv"; refs: number }
  | { kind: "everyone" };
/** The selected people by law, by region and in California; `unmatchedRefs` for a CSV. */
export interface AffectedCounts {
  laws: Record<string, number>;
  regions: Record<string, number>;
  californiaResidents: number;
  unmatchedRefs: number;
}
export const affectedSetStatuses = [
  "selecting",
  "selected",
  "committed",
  "superseded",
  "failed",
] as const;
export type AffectedSetStatus = (typeof affectedSetStatuses)[number];

/**
 * One selection of the people an incident affects, made by the `incident-affected-selection` job
 * from the vault. Its counts are shown before the officer commits it; a committed set is stored
 * with the incident (laws, California residents, count) and is whom the notices go to. A CSV's
 * references are kept only until the job has matched them.
 */
export const incidentAffectedSets = pgTable(
  "incident_affected_sets",
  {
    ...tenantKey,
    incidentId: uuid("incident_id").notNull(),
    criteria: jsonb("criteria").$type<AffectedCriteria>().notNull(),
    csvRefs: text("csv_refs").array(),
    status: text("status").$type<AffectedSetStatus>().notNull().default("selecting"),
    /** Customers looked at so far, of `toScan` (the progress bar). */
    scanned: bigint("scanned", { mode: "number" }).notNull().default(0),
    toScan: bigint("to_scan", { mode: "number" }).notNull().default(0),
    /** The last customer id looked at: the job resumes after it. */
    cursor: uuid("cursor"),
    matched: bigint("matched", { mode: "number" }).notNull().default(0),
    counts: jsonb("counts")
      .$type<AffectedCounts>()
      .notNull()
      .default({ laws: {}, regions: {}, californiaResidents: 0, unmatchedRefs: 0 }),
    createdBy: uuid("created_by").notNull(),
    committedBy: uuid("committed_by"),
    committedAt: timestamp("committed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.incidentId],
      foreignColumns: [incidents.orgId, incidents.id],
    }),
    foreignKey({ columns: [t.createdBy], foreignColumns: [users.id] }),
    index("incident_affected_sets_incident_idx").on(t.orgId, t.incidentId, t.createdAt),
    uniqueIndex("incident_affected_sets_committed_idx")
      .on(t.orgId, t.incidentId)
      .where(sql`status = 'committed'`),
    check(
      "incident_affected_sets_status",
      sql`${t.status} in ('selecting', 'selected', 'committed', 'superseded', 'failed')`,
    ),
  ],
);

/** A customer in a selection, once (the key), with the notice queued for them (its status is the outbox row's). */
export const incidentAffectedCustomers = pgTable(
  "incident_affected_customers",
  {
    orgId: uuid("org_id").notNull(),
    setId: uuid("set_id").notNull(),
    customerId: uuid("customer_id").notNull(),
    /** The notice's outbox message; null until queued (or when the customer has no contact). */
    messageId: uuid("message_id"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.setId, t.customerId] }),
    foreignKey({
      columns: [t.orgId, t.setId],
      foreignColumns: [incidentAffectedSets.orgId, incidentAffectedSets.id],
    }).onDelete("cascade"),
  ],
);

/** The officer's words in a notice, per language: the rest (headings, kinds of information, anti-fraud advice) is the template's. */
export interface NoticeTexts {
  cause: string;
  harm: string;
  measures: string;
  advice: string;
  contact: string;
}
export const noticeStatuses = ["draft", "sending", "sent", "failed"] as const;
export type NoticeStatus = (typeof noticeStatuses)[number];

/**
 * The notice to the people of a committed selection (PIPL Art. 57, GDPR Art. 34, Cal. Civ. Code
 * §1798.82): a draft the officer words and previews (one per incident), then sent to the
 * selection committed at that moment (once per selection) by the `incident-notice` job, one
 * outbox message per person, sealed under their key. Drills never send one.
 */
export const incidentNotices = pgTable(
  "incident_notices",
  {
    ...tenantKey,
    incidentId: uuid("incident_id").notNull(),
    /** The committed selection it goes to; null while a draft. */
    setId: uuid("set_id"),
    texts: jsonb("texts").$type<Record<string, NoticeTexts>>().notNull(),
    status: text("status").$type<NoticeStatus>().notNull().default("draft"),
    total: bigint("total", { mode: "number" }).notNull().default(0),
    /** People looked at so far: queued, without a contact, or erased since the selection. */
    processed: bigint("processed", { mode: "number" }).notNull().default(0),
    queued: bigint("queued", { mode: "number" }).notNull().default(0),
    noContact: bigint("no_contact", { mode: "number" }).notNull().default(0),
    erased: bigint("erased", { mode: "number" }).notNull().default(0),
    /** People an earlier notice of the same incident already reached: not told twice. */
    earlier: bigint("earlier", { mode: "number" }).notNull().default(0),
    cursor: uuid("cursor"),
    createdBy: uuid("created_by").notNull(),
    sentBy: uuid("sent_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.incidentId],
      foreignColumns: [incidents.orgId, incidents.id],
    }),
    foreignKey({
      columns: [t.orgId, t.setId],
      foreignColumns: [incidentAffectedSets.orgId, incidentAffectedSets.id],
    }),
    foreignKey({ columns: [t.createdBy], foreignColumns: [users.id] }),
    uniqueIndex("incident_notices_set_idx").on(t.orgId, t.setId),
    uniqueIndex("incident_notices_draft_idx")
      .on(t.orgId, t.incidentId)
      .where(sql`status = 'draft'`),
    check("incident_notices_status", sql`${t.status} in ('draft', 'sending', 'sent', 'failed')`),
    check("incident_notices_set", sql`${t.status} = 'draft' or ${t.setId} is not null`),
  ],
);
