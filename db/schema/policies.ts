import { sql } from "drizzle-orm";
import {
  boolean,
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
import { organizations } from "./organizations";
import { users } from "./users";

export const policyKinds = ["privacy_policy", "children", "sdk_list", "cookie", "other"] as const;
export type PolicyKind = (typeof policyKinds)[number];
export const policyLocales = ["zh-CN", "en"] as const;
export type PolicyLocale = (typeof policyLocales)[number];
export const policyStatuses = [
  "draft",
  "in_review",
  "approved",
  "published",
  "superseded",
] as const;
export type PolicyStatus = (typeof policyStatuses)[number];
/** Text per language; a missing language is an empty string. */
export type LocalizedText = Record<PolicyLocale, string>;

/** A public document the organisation maintains in versions: privacy policy, cookie policy, … */
export const policyDocuments = pgTable(
  "policy_documents",
  {
    ...tenantKey,
    kind: text("kind").$type<PolicyKind>().notNull(),
    slug: text("slug").notNull(),
    title: jsonb("title").$type<LocalizedText>().notNull(),
    /** Internal documents (staff rules) are never shown on the public pages. */
    internal: boolean("internal").notNull().default(false),
    /** Staff must acknowledge each published version (listed in their "My tasks"). */
    acknowledgementRequired: boolean("acknowledgement_required").notNull().default(false),
    /** Departments whose staff must acknowledge; empty means everyone. */
    audienceDepartmentIds: uuid("audience_department_ids").array().notNull().default([]),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    uniqueIndex("policy_documents_slug_key").on(t.orgId, t.slug),
  ],
);

/**
 * One version of a document. Content is Markdown per language; `authoritativeLocale` is the text
 * that prevails. At most one version per document is published at a time.
 */
export const policyVersions = pgTable(
  "policy_versions",
  {
    ...tenantKey,
    documentId: uuid("document_id").notNull(),
    version: integer("version").notNull(),
    status: text("status").$type<PolicyStatus>().notNull().default("draft"),
    authoritativeLocale: text("authoritative_locale")
      .$type<PolicyLocale>()
      .notNull()
      .default("zh-CN"),
    content: jsonb("content").$type<LocalizedText>().notNull(),
    summary: jsonb("summary").$type<LocalizedText>().notNull(),
    changeSummary: text("change_summary").notNull().default(""),
    materialChange: boolean("material_change").notNull().default(false),
    effectiveOn: date("effective_on").notNull(),
    /** Approved with this set: the daily job publishes it on `effectiveOn`. */
    publishOnEffective: boolean("publish_on_effective").notNull().default(false),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    approvedBy: uuid("approved_by").references(() => users.id),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
    rejectionNote: text("rejection_note"),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.documentId],
      foreignColumns: [policyDocuments.orgId, policyDocuments.id],
    }),
    uniqueIndex("policy_versions_number_key").on(t.orgId, t.documentId, t.version),
    uniqueIndex("policy_versions_one_published")
      .on(t.orgId, t.documentId)
      .where(sql`status = 'published'`),
    index("policy_versions_due_idx")
      .on(t.orgId, t.effectiveOn)
      .where(sql`status = 'approved' and publish_on_effective`),
  ],
);

/** A staff member's acknowledgement that they read a published version. */
export const policyAcknowledgements = pgTable(
  "policy_acknowledgements",
  {
    ...tenantKey,
    versionId: uuid("version_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.versionId],
      foreignColumns: [policyVersions.orgId, policyVersions.id],
    }),
    uniqueIndex("policy_acknowledgements_once").on(t.orgId, t.versionId, t.userId),
  ],
);
