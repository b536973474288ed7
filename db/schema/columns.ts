import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Every tenant table starts with these: `org_id` leads the primary key (Citus-ready). */
export const tenantKey = {
  orgId: uuid("org_id").notNull(),
  id: uuid("id").notNull().defaultRandom(),
};

export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};
