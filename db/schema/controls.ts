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
} from "drizzle-orm/pg-core";
import { tenantKey } from "./columns";
import { organizations } from "./organizations";

/** What a control's evidence says: met, partly met, not met, or nothing to measure yet. */
export const controlStatuses = ["met", "partly", "not_met", "no_data"] as const;
export type ControlStatus = (typeof controlStatuses)[number];

/**
 * A control's evidence, computed from the product by its query (lib/controls/evidence), one row
 * per control and day: the daily job and "evaluate now" write today's, so the rows are its trend.
 */
export const controlEvaluations = pgTable(
  "control_evaluations",
  {
    ...tenantKey,
    controlId: text("control_id").notNull(),
    evaluatedOn: date("evaluated_on").notNull(),
    evaluatedAt: timestamp("evaluated_at", { withTimezone: true }).notNull().defaultNow(),
    status: text("status").$type<ControlStatus>().notNull(),
    numerator: integer("numerator"),
    denominator: integer("denominator"),
    /** Counts and flags only, never personal data. */
    details: jsonb("details").$type<Record<string, number | string | boolean>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    uniqueIndex("control_evaluations_day_key").on(t.orgId, t.controlId, t.evaluatedOn),
    index("control_evaluations_recent_idx").on(t.orgId, t.evaluatedOn),
    check(
      "control_evaluations_status",
      sql`${t.status} in ('met', 'partly', 'not_met', 'no_data')`,
    ),
  ],
);
