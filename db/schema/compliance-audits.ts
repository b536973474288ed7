import { sql } from "drizzle-orm";
import {
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
import { tenantKey, timestamps } from "./columns";
import type { ControlStatus } from "./controls";
import { departments } from "./departments";
import { organizations } from "./organizations";
import { memberships, users } from "./users";
import { vendors } from "./vendors";

/** Routine (the handler's own, PIPL Art. 54) or ordered by the authority (Art. 64). */
export const auditKinds = ["routine", "regulator_ordered"] as const;
export type AuditKind = (typeof auditKinds)[number];
export const auditStatuses = ["planned", "in_progress", "completed"] as const;
export type AuditStatus = (typeof auditStatuses)[number];
export const checklistResults = [
  "pending",
  "conforming",
  "nonconforming",
  "not_applicable",
] as const;
export type ChecklistResult = (typeof checklistResults)[number];
export const auditFindingSeverities = ["major", "minor", "observation"] as const;
export type AuditFindingSeverity = (typeof auditFindingSeverities)[number];
/** open → corrected (the owner's corrective action done) → verified (the auditor checked it). */
export const auditFindingStatuses = ["open", "corrected", "verified"] as const;
export type AuditFindingStatus = (typeof auditFindingStatuses)[number];

/** A compliance audit: its scope, the laws it is held against, who audits, and its dates. */
export const complianceAudits = pgTable(
  "compliance_audits",
  {
    ...tenantKey,
    title: text("title").notNull(),
    kind: text("kind").$type<AuditKind>().notNull(),
    /** The authority's order (reference and date), for a regulator-ordered audit. */
    regulatorOrder: text("regulator_order"),
    scope: text("scope").notNull(),
    /** The laws of the library whose requirements are the criteria (the checklist holds each). */
    laws: text("laws").array().notNull(),
    /** Internal: a member; external: a vendor of the register. Exactly one. */
    auditorUserId: uuid("auditor_user_id"),
    auditorVendorId: uuid("auditor_vendor_id"),
    plannedStart: date("planned_start").notNull(),
    plannedEnd: date("planned_end").notNull(),
    actualStart: date("actual_start"),
    actualEnd: date("actual_end"),
    status: text("status").$type<AuditStatus>().notNull().default("planned"),
    conclusion: text("conclusion"),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    foreignKey({
      columns: [t.orgId, t.auditorUserId],
      foreignColumns: [memberships.orgId, memberships.userId],
    }),
    foreignKey({
      columns: [t.orgId, t.auditorVendorId],
      foreignColumns: [vendors.orgId, vendors.id],
    }),
    index("compliance_audits_planned_idx").on(t.orgId, t.plannedStart, t.id),
    check("compliance_audits_kind", sql`${t.kind} in ('routine', 'regulator_ordered')`),
    check("compliance_audits_status", sql`${t.status} in ('planned', 'in_progress', 'completed')`),
    check(
      "compliance_audits_auditor",
      sql`(${t.auditorUserId} is null) <> (${t.auditorVendorId} is null)`,
    ),
    check(
      "compliance_audits_order",
      sql`${t.kind} <> 'regulator_ordered' or ${t.regulatorOrder} is not null`,
    ),
    check("compliance_audits_planned", sql`${t.plannedEnd} >= ${t.plannedStart}`),
  ],
);

/** The checklist: one row per requirement of the criteria, in the version in force when planned. */
export const complianceAuditChecklist = pgTable(
  "compliance_audit_checklist",
  {
    ...tenantKey,
    auditId: uuid("audit_id").notNull(),
    requirementKey: text("requirement_key").notNull(),
    requirementVersion: integer("requirement_version").notNull(),
    result: text("result").$type<ChecklistResult>().notNull().default("pending"),
    note: text("note"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.auditId],
      foreignColumns: [complianceAudits.orgId, complianceAudits.id],
    }),
    uniqueIndex("compliance_audit_checklist_key").on(t.orgId, t.auditId, t.requirementKey),
    check(
      "compliance_audit_checklist_result",
      sql`${t.result} in ('pending', 'conforming', 'nonconforming', 'not_applicable')`,
    ),
  ],
);

/** The computed controls' evidence as it stood when the audit started: kept, whatever happens later. */
export const complianceAuditEvidence = pgTable(
  "compliance_audit_evidence",
  {
    orgId: uuid("org_id").notNull(),
    auditId: uuid("audit_id").notNull(),
    controlId: text("control_id").notNull(),
    status: text("status").$type<ControlStatus>().notNull(),
    numerator: integer("numerator"),
    denominator: integer("denominator"),
    details: jsonb("details").$type<Record<string, number | string | boolean>>().notNull(),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.auditId, t.controlId] }),
    foreignKey({
      columns: [t.orgId, t.auditId],
      foreignColumns: [complianceAudits.orgId, complianceAudits.id],
    }),
  ],
);

/** A finding: a nonconformity or observation, owned by a department and a person in it, with its corrective action. */
export const complianceAuditFindings = pgTable(
  "compliance_audit_findings",
  {
    ...tenantKey,
    auditId: uuid("audit_id").notNull(),
    requirementKey: text("requirement_key"),
    severity: text("severity").$type<AuditFindingSeverity>().notNull(),
    title: text("title").notNull(),
    description: text("description"),
    ownerDepartmentId: uuid("owner_department_id").notNull(),
    ownerId: uuid("owner_id").notNull(),
    correctiveAction: text("corrective_action").notNull(),
    dueOn: date("due_on").notNull(),
    status: text("status").$type<AuditFindingStatus>().notNull().default("open"),
    /** What the owner did (corrected) and how the auditor checked it (verified). */
    correctionNote: text("correction_note"),
    verificationNote: text("verification_note"),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.auditId],
      foreignColumns: [complianceAudits.orgId, complianceAudits.id],
    }),
    foreignKey({
      columns: [t.orgId, t.ownerDepartmentId],
      foreignColumns: [departments.orgId, departments.id],
    }),
    foreignKey({
      columns: [t.orgId, t.ownerId],
      foreignColumns: [memberships.orgId, memberships.userId],
    }),
    index("compliance_audit_findings_audit_idx").on(t.orgId, t.auditId, t.id),
    index("compliance_audit_findings_department_idx").on(t.orgId, t.ownerDepartmentId, t.dueOn),
    index("compliance_audit_findings_owner_idx").on(t.orgId, t.ownerId, t.dueOn),
    check(
      "compliance_audit_findings_severity",
      sql`${t.severity} in ('major', 'minor', 'observation')`,
    ),
    check(
      "compliance_audit_findings_status",
      sql`${t.status} in ('open', 'corrected', 'verified')`,
    ),
  ],
);
