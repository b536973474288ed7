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
  uuid,
} from "drizzle-orm/pg-core";
import { tenantKey, timestamps } from "./columns";
import { organizations } from "./organizations";
import { departments } from "./departments";

export const dpaStatuses = ["none", "draft", "signed", "expired"] as const;
export type DpaStatus = (typeof dpaStatuses)[number];
export const riskTiers = ["low", "medium", "high", "critical"] as const;
export type RiskTier = (typeof riskTiers)[number];
export const reviewStates = ["ok", "due", "overdue"] as const;
export type ReviewState = (typeof reviewStates)[number];
/**
 * What the vendor is to the personal information it receives: an entrusted processor (受托人,
 * PIPL Art. 21; a GDPR processor) handles it only on the platform's instructions; an independent
 * handler (PIPL Art. 23) or a joint handler (PIPL Art. 20) decides purposes and means itself, so
 * providing data to it needs the person's separate consent where consent is the basis.
 */
export const handlerRoles = [
  "entrusted_processor",
  "independent_handler",
  "joint_handler",
] as const;
export type HandlerRole = (typeof handlerRoles)[number];

/** Third parties the platform shares personal data with. */
export const vendors = pgTable(
  "vendors",
  {
    ...tenantKey,
    name: text("name").notNull(),
    service: text("service").notNull(),
    country: text("country").notNull(),
    /**
     * Existing vendors become independent handlers: the reading that asks more of the purposes
     * sharing with them (separate consent), until someone who knows the contract says otherwise.
     */
    handlerRole: text("handler_role").$type<HandlerRole>().notNull().default("independent_handler"),
    dataCategories: text("data_categories").array().notNull().default([]),
    purposes: text("purposes").array().notNull().default([]),
    sensitiveData: boolean("sensitive_data").notNull().default(false),
    crossBorder: boolean("cross_border").notNull().default(false),
    dpaStatus: text("dpa_status").$type<DpaStatus>().notNull().default("none"),
    dpaSignedOn: date("dpa_signed_on"),
    dpaExpiresOn: date("dpa_expires_on"),
    certifications: text("certifications").array().notNull().default([]),
    /** Questionnaire answers (lib/vendors/risk.ts): question id → option id. */
    riskAnswers: jsonb("risk_answers").$type<Record<string, string>>().notNull(),
    riskScore: integer("risk_score").notNull(),
    riskTier: text("risk_tier").$type<RiskTier>().notNull(),
    reviewCadenceMonths: integer("review_cadence_months").notNull(),
    lastReviewedOn: date("last_reviewed_on"),
    nextReviewOn: date("next_review_on").notNull(),
    reviewState: text("review_state").$type<ReviewState>().notNull().default("ok"),
    dpaExpiring: boolean("dpa_expiring").notNull().default(false),
    ownerDepartmentId: uuid("owner_department_id"),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    notes: text("notes"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    ...timestamps,
    // Text keeps PostgreSQL's microseconds, which a JS Date drops: the list's keyset cursor and the
    // edit form's version check both compare this value exactly.
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    foreignKey({
      columns: [t.orgId, t.ownerDepartmentId],
      foreignColumns: [departments.orgId, departments.id],
    }),
    index("vendors_name_idx").on(t.orgId, t.name, t.id),
    index("vendors_risk_idx").on(t.orgId, t.riskScore, t.id),
    index("vendors_review_idx").on(t.orgId, t.nextReviewOn, t.id),
    index("vendors_updated_idx").on(t.orgId, t.updatedAt, t.id),
    check(
      "vendors_handler_role",
      sql`${t.handlerRole} in ('entrusted_processor', 'independent_handler', 'joint_handler')`,
    ),
  ],
);
