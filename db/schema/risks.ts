import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { tenantKey, timestamps } from "./columns";
import { organizations } from "./organizations";
import { securityFindings } from "./security-tests";
import { memberships, users } from "./users";
import { vendors } from "./vendors";

export const riskTreatments = ["mitigate", "accept", "transfer", "avoid"] as const;
export type RiskTreatment = (typeof riskTreatments)[number];

/** The risk register: likelihood × impact on a 5 × 5 grid, before (inherent) and after controls (residual). */
export const risks = pgTable(
  "risks",
  {
    ...tenantKey,
    title: text("title").notNull(),
    description: text("description"),
    ownerId: uuid("owner_id").notNull(),
    inherentLikelihood: smallint("inherent_likelihood").notNull(),
    inherentImpact: smallint("inherent_impact").notNull(),
    residualLikelihood: smallint("residual_likelihood").notNull(),
    residualImpact: smallint("residual_impact").notNull(),
    /** residual likelihood × impact, kept for sorting and the heat map. */
    residualScore: integer("residual_score").notNull(),
    treatment: text("treatment").$type<RiskTreatment>().notNull(),
    reviewOn: date("review_on").notNull(),
    /** Who asked for the risk to be accepted (treatment "accept"); an approver must be someone else. */
    acceptanceRequestedBy: uuid("acceptance_requested_by").references(() => users.id),
    acceptedBy: uuid("accepted_by").references(() => users.id),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptanceExpiresOn: date("acceptance_expires_on"),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    foreignKey({
      columns: [t.orgId, t.ownerId],
      foreignColumns: [memberships.orgId, memberships.userId],
    }),
    index("risks_score_idx").on(t.orgId, t.residualScore, t.id),
    index("risks_owner_idx").on(t.orgId, t.ownerId),
    check(
      "risks_grid",
      sql`${t.inherentLikelihood} between 1 and 5 and ${t.inherentImpact} between 1 and 5 and ${t.residualLikelihood} between 1 and 5 and ${t.residualImpact} between 1 and 5`,
    ),
    check("risks_treatment", sql`${t.treatment} in ('mitigate', 'accept', 'transfer', 'avoid')`),
    check(
      "risks_acceptance",
      sql`(${t.acceptedBy} is null) = (${t.acceptanceExpiresOn} is null) and (${t.acceptedBy} is null or ${t.treatment} = 'accept')`,
    ),
  ],
);

/** A risk's findings: the weaknesses that make it likely. */
export const riskFindings = pgTable(
  "risk_findings",
  {
    orgId: uuid("org_id").notNull(),
    riskId: uuid("risk_id").notNull(),
    findingId: uuid("finding_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.riskId, t.findingId] }),
    foreignKey({ columns: [t.orgId, t.riskId], foreignColumns: [risks.orgId, risks.id] }),
    foreignKey({
      columns: [t.orgId, t.findingId],
      foreignColumns: [securityFindings.orgId, securityFindings.id],
    }),
    index("risk_findings_finding_idx").on(t.orgId, t.findingId),
  ],
);

/** A risk's vendors: the third parties it comes through. */
export const riskVendors = pgTable(
  "risk_vendors",
  {
    orgId: uuid("org_id").notNull(),
    riskId: uuid("risk_id").notNull(),
    vendorId: uuid("vendor_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.riskId, t.vendorId] }),
    foreignKey({ columns: [t.orgId, t.riskId], foreignColumns: [risks.orgId, risks.id] }),
    foreignKey({ columns: [t.orgId, t.vendorId], foreignColumns: [vendors.orgId, vendors.id] }),
    index("risk_vendors_vendor_idx").on(t.orgId, t.vendorId),
  ],
);
