import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { tenantKey, timestamps } from "./columns";
import { departments } from "./departments";
import { organizations } from "./organizations";
import { vendors } from "./vendors";

export const systemKinds = ["application", "database", "sdk", "service", "storage"] as const;
export type SystemKind = (typeof systemKinds)[number];

/**
 * The platform's systems inventory: where personal data lives and moves (the data map's nodes
 * beside vendors and countries). Categories and security measures are codes from the shared
 * vocabularies; purposes and the hosting vendor are ids of the organisation's own records.
 */
export const systems = pgTable(
  "systems",
  {
    ...tenantKey,
    name: text("name").notNull(),
    kind: text("kind").$type<SystemKind>().notNull(),
    description: text("description"),
    ownerDepartmentId: uuid("owner_department_id"),
    /** Where it runs, as people say it (e.g. "阿里云 华东2（上海）"); `country` is the code the map uses. */
    hostingLocation: text("hosting_location").notNull(),
    country: text("country").notNull(),
    /** The vendor that hosts or runs it, when not the organisation itself. */
    vendorId: uuid("vendor_id"),
    dataCategories: text("data_categories").array().notNull().default([]),
    /** The purposes it serves: their recipients and destinations are the map's outgoing flows. */
    purposeIds: uuid("purpose_ids").array().notNull().default([]),
    securityMeasures: text("security_measures").array().notNull().default([]),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    ...timestamps,
    // Microseconds kept (mode string): the edit form's version check compares it exactly.
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
    foreignKey({ columns: [t.orgId, t.vendorId], foreignColumns: [vendors.orgId, vendors.id] }),
    uniqueIndex("systems_name_key").on(t.orgId, t.name),
    index("systems_vendor_idx").on(t.orgId, t.vendorId),
    check(
      "systems_kind",
      sql`${t.kind} in ('application', 'database', 'sdk', 'service', 'storage')`,
    ),
  ],
);
