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
import { incidents } from "./incidents";
import { risks } from "./risks";
import { users } from "./users";

/**
 * The incidents module's response records (lib/incidents/response): reports to regulators,
 * tasks, the timeline's manual entries and their evidence, and the post-incident review. Kept
 * apart from db/schema/incidents.ts, which holds the incident and its clocks.
 */

/** CAC: 《网络安全事件报告管理办法》; GDPR: the Art. 33 notification to the supervisory authority. */
export const regulatorReportKinds = ["cac", "gdpr33"] as const;
export type RegulatorReportKind = (typeof regulatorReportKinds)[number];
/** Initial, supplementary and final (summary) reports are versions of one report. */
export const regulatorReportStages = ["initial", "supplementary", "final"] as const;
export type RegulatorReportStage = (typeof regulatorReportStages)[number];

/**
 * One version of a report to a regulator. `facts` is the incident as it stood when the version
 * was prepared, `content` what the officer wrote for it; the PDF is rendered from both, so a
 * filed version downloads the same later. Submission (time, channel, reference) is recorded once.
 */
export const incidentRegulatorReports = pgTable(
  "incident_regulator_reports",
  {
    ...tenantKey,
    incidentId: uuid("incident_id").notNull(),
    kind: text("kind").$type<RegulatorReportKind>().notNull(),
    version: integer("version").notNull(),
    stage: text("stage").$type<RegulatorReportStage>().notNull(),
    facts: jsonb("facts").$type<Record<string, unknown>>().notNull(),
    content: jsonb("content").$type<Record<string, string>>().notNull(),
    preparedBy: uuid("prepared_by").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    channel: text("channel"),
    submissionReference: text("submission_reference"),
    submittedBy: uuid("submitted_by"),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.incidentId],
      foreignColumns: [incidents.orgId, incidents.id],
    }),
    foreignKey({ columns: [t.preparedBy], foreignColumns: [users.id] }),
    foreignKey({ columns: [t.submittedBy], foreignColumns: [users.id] }),
    uniqueIndex("incident_regulator_reports_version_idx").on(
      t.orgId,
      t.incidentId,
      t.kind,
      t.version,
    ),
    check("incident_regulator_reports_kind", sql`${t.kind} in ('cac', 'gdpr33')`),
    check(
      "incident_regulator_reports_stage",
      sql`${t.stage} in ('initial', 'supplementary', 'final')`,
    ),
    check(
      "incident_regulator_reports_submission",
      sql`(${t.submittedAt} is null) = (${t.channel} is null) and (${t.submittedAt} is null) = (${t.submittedBy} is null)`,
    ),
  ],
);

export const incidentTaskStatuses = ["open", "in_progress", "done"] as const;
export type IncidentTaskStatus = (typeof incidentTaskStatuses)[number];

/** Work on an incident with an owner and a due date; `fromReview` marks the review's actions. */
export const incidentTasks = pgTable(
  "incident_tasks",
  {
    ...tenantKey,
    incidentId: uuid("incident_id").notNull(),
    title: text("title").notNull(),
    ownerId: uuid("owner_id").notNull(),
    dueOn: date("due_on").notNull(),
    status: text("status").$type<IncidentTaskStatus>().notNull().default("open"),
    fromReview: boolean("from_review").notNull().default(false),
    createdBy: uuid("created_by").notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.incidentId],
      foreignColumns: [incidents.orgId, incidents.id],
    }),
    foreignKey({ columns: [t.ownerId], foreignColumns: [users.id] }),
    index("incident_tasks_owner_idx").on(t.orgId, t.ownerId, t.status),
    index("incident_tasks_incident_idx").on(t.orgId, t.incidentId),
    check("incident_tasks_status", sql`${t.status} in ('open', 'in_progress', 'done')`),
  ],
);

/**
 * A manual timeline entry: what happened when, in the officer's words. The rest of the timeline
 * (status changes, clocks, reports) is read from the records that hold it.
 */
export const incidentTimelineEntries = pgTable(
  "incident_timeline_entries",
  {
    ...tenantKey,
    incidentId: uuid("incident_id").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    note: text("note").notNull(),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.incidentId],
      foreignColumns: [incidents.orgId, incidents.id],
    }),
    foreignKey({ columns: [t.createdBy], foreignColumns: [users.id] }),
    index("incident_timeline_entries_incident_idx").on(t.orgId, t.incidentId, t.occurredAt),
  ],
);

/** An entry's evidence file (at most 10 MB, its type read from its bytes), apart so lists never load it. */
export const incidentEvidenceFiles = pgTable(
  "incident_evidence_files",
  {
    orgId: uuid("org_id").notNull(),
    entryId: uuid("entry_id").notNull(),
    fileName: text("file_name").notNull(),
    kind: text("kind").notNull(),
    size: integer("size").notNull(),
    content: bytea("content").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.entryId] }),
    foreignKey({
      columns: [t.orgId, t.entryId],
      foreignColumns: [incidentTimelineEntries.orgId, incidentTimelineEntries.id],
    }),
    check("incident_evidence_files_size", sql`${t.size} between 1 and 10485760`),
  ],
);

/** The post-incident review an incident needs before it closes. */
export const incidentReviews = pgTable(
  "incident_reviews",
  {
    orgId: uuid("org_id").notNull(),
    incidentId: uuid("incident_id").notNull(),
    cause: text("cause").notNull(),
    whatWorked: text("what_worked").notNull(),
    lessons: text("lessons").notNull(),
    completedBy: uuid("completed_by").notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.incidentId] }),
    foreignKey({
      columns: [t.orgId, t.incidentId],
      foreignColumns: [incidents.orgId, incidents.id],
    }),
    foreignKey({ columns: [t.completedBy], foreignColumns: [users.id] }),
  ],
);

/** Risks of the register the review links the incident to. */
export const incidentRisks = pgTable(
  "incident_risks",
  {
    orgId: uuid("org_id").notNull(),
    incidentId: uuid("incident_id").notNull(),
    riskId: uuid("risk_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.incidentId, t.riskId] }),
    foreignKey({
      columns: [t.orgId, t.incidentId],
      foreignColumns: [incidents.orgId, incidents.id],
    }),
    foreignKey({ columns: [t.orgId, t.riskId], foreignColumns: [risks.orgId, risks.id] }),
  ],
);
