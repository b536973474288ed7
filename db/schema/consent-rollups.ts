import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { ConsentAction } from "./consent";
import { purposes } from "./purposes";
import { organizations } from "./organizations";

/**
 * Receipts counted per China-time day they were recorded on (and the day they occurred on, which
 * the dashboard buckets by), up to the rollup state's `counted_until`. consent_events is
 * append-only and `recorded_at` is set by the database, so the `consent-rollup` job adds each
 * receipt once: the receipts recorded since its last run, to the rows of their days.
 */
export const consentDailyCounts = pgTable(
  "consent_daily_counts",
  {
    orgId: uuid("org_id").notNull(),
    recordedOn: date("recorded_on", { mode: "string" }).notNull(),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    purposeId: uuid("purpose_id").notNull(),
    action: text("action").$type<ConsentAction>().notNull(),
    gpc: boolean("gpc").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({
      name: "consent_daily_counts_pk",
      columns: [t.orgId, t.recordedOn, t.occurredOn, t.purposeId, t.action, t.gpc],
    }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    foreignKey({ columns: [t.orgId, t.purposeId], foreignColumns: [purposes.orgId, purposes.id] }),
    check("consent_daily_counts_action", sql`${t.action} in ('grant', 'deny', 'withdraw')`),
  ],
);

/**
 * Per organisation: the instant up to which receipts (by `recorded_at`) are in consent_daily_counts
 * (the dashboard counts those recorded from then on live), and when the consent-state snapshot was taken.
 */
export const consentRollupState = pgTable("consent_rollup_state", {
  orgId: uuid("org_id")
    .notNull()
    .primaryKey()
    .references(() => organizations.id),
  countedUntil: timestamp("counted_until", { withTimezone: true, mode: "string" }),
  /** Customers opted out of an opt-out purpose by GPC, as of `snapshotAt`. */
  gpcCustomers: integer("gpc_customers"),
  snapshotAt: timestamp("snapshot_at", { withTimezone: true, mode: "string" }),
});

/** Current consent counts and re-consent progress per purpose, as of the rollup state's `snapshotAt`. */
export const consentPurposeSnapshots = pgTable(
  "consent_purpose_snapshots",
  {
    orgId: uuid("org_id").notNull(),
    purposeId: uuid("purpose_id").notNull(),
    granted: integer("granted").notNull(),
    denied: integer("denied").notNull(),
    withdrawn: integer("withdrawn").notNull(),
    /** The purpose's `reconsent_since` the two counts below were taken against (null: none). */
    reconsentSince: timestamp("reconsent_since", { withTimezone: true, mode: "string" }),
    waiting: integer("waiting"),
    reconsented: integer("reconsented"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.purposeId] }),
    foreignKey({ columns: [t.orgId, t.purposeId], foreignColumns: [purposes.orgId, purposes.id] }),
  ],
);
