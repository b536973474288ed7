import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, tenantKey, timestamps } from "./columns";
import { organizations } from "./organizations";
import { memberships, users } from "./users";
import { vendors } from "./vendors";

export const assessmentKinds = [
  "penetration_test",
  "vulnerability_scan",
  "code_audit",
  "bug_bounty",
  "red_team",
] as const;
export type AssessmentKind = (typeof assessmentKinds)[number];
export const findingPriorities = ["P1", "P2", "P3", "P4"] as const;
export type FindingPriority = (typeof findingPriorities)[number];
/** open → in remediation → fixed → retest passed, or retest failed → back into remediation. */
export const findingStatuses = [
  "open",
  "in_remediation",
  "fixed",
  "retest_passed",
  "retest_failed",
] as const;
export type FindingStatus = (typeof findingStatuses)[number];

/** Penetration tests, scans, code audits, bug bounties and red-team exercises, each run by a vendor. */
export const securityAssessments = pgTable(
  "security_assessments",
  {
    ...tenantKey,
    kind: text("kind").$type<AssessmentKind>().notNull(),
    title: text("title").notNull(),
    scope: text("scope").notNull(),
    testerVendorId: uuid("tester_vendor_id").notNull(),
    startedOn: date("started_on").notNull(),
    endedOn: date("ended_on"),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    foreignKey({
      columns: [t.orgId, t.testerVendorId],
      foreignColumns: [vendors.orgId, vendors.id],
    }),
    index("security_assessments_started_idx").on(t.orgId, t.startedOn, t.id),
    index("security_assessments_vendor_idx").on(t.orgId, t.testerVendorId),
    check(
      "security_assessments_kind",
      sql`${t.kind} in ('penetration_test', 'vulnerability_scan', 'code_audit', 'bug_bounty', 'red_team')`,
    ),
    check(
      "security_assessments_dates",
      sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`,
    ),
  ],
);

/** An assessment's report, at most one, kept apart so lists never read its bytes. */
export const securityAssessmentReports = pgTable(
  "security_assessment_reports",
  {
    orgId: uuid("org_id").notNull(),
    assessmentId: uuid("assessment_id").notNull(),
    fileName: text("file_name").notNull(),
    /** What the bytes are (lib/core/files/file-type.ts), never what the browser claimed. */
    kind: text("kind").notNull(),
    size: integer("size").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.assessmentId] }),
    foreignKey({
      columns: [t.orgId, t.assessmentId],
      foreignColumns: [securityAssessments.orgId, securityAssessments.id],
    }),
    check("security_assessment_reports_size", sql`${t.size} between 1 and 10485760`),
  ],
);

/** What an assessment found: a priority, a deadline computed from it, an owner and a remediation status. */
export const securityFindings = pgTable(
  "security_findings",
  {
    ...tenantKey,
    assessmentId: uuid("assessment_id").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    priority: text("priority").$type<FindingPriority>().notNull(),
    cvssScore: numeric("cvss_score", { precision: 3, scale: 1 }),
    foundOn: date("found_on").notNull(),
    /** found_on + the organisation's period for the priority (security_test_settings); never typed. */
    dueOn: date("due_on").notNull(),
    ownerId: uuid("owner_id").notNull(),
    status: text("status").$type<FindingStatus>().notNull().default("open"),
    /** The latest step's evidence: what was changed, the retest's result. */
    evidence: text("evidence"),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.assessmentId],
      foreignColumns: [securityAssessments.orgId, securityAssessments.id],
    }),
    foreignKey({
      columns: [t.orgId, t.ownerId],
      foreignColumns: [memberships.orgId, memberships.userId],
    }),
    index("security_findings_assessment_idx").on(t.orgId, t.assessmentId, t.id),
    index("security_findings_due_idx").on(t.orgId, t.dueOn, t.id),
    index("security_findings_owner_idx").on(t.orgId, t.ownerId, t.dueOn),
    check("security_findings_priority", sql`${t.priority} in ('P1', 'P2', 'P3', 'P4')`),
    check(
      "security_findings_status",
      sql`${t.status} in ('open', 'in_remediation', 'fixed', 'retest_passed', 'retest_failed')`,
    ),
    check("security_findings_cvss", sql`${t.cvssScore} is null or ${t.cvssScore} between 0 and 10`),
  ],
);

/** Remediation periods in days per priority; an organisation without a row uses the defaults (lib/security-tests/deadlines.ts). */
export const securityTestSettings = pgTable(
  "security_test_settings",
  {
    orgId: uuid("org_id").notNull(),
    p1Days: integer("p1_days").notNull(),
    p2Days: integer("p2_days").notNull(),
    p3Days: integer("p3_days").notNull(),
    p4Days: integer("p4_days").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    check(
      "security_test_settings_days",
      sql`least(${t.p1Days}, ${t.p2Days}, ${t.p3Days}, ${t.p4Days}) >= 1 and greatest(${t.p1Days}, ${t.p2Days}, ${t.p3Days}, ${t.p4Days}) <= 730`,
    ),
  ],
);
