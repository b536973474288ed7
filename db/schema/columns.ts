import { customType, timestamp, uuid } from "drizzle-orm/pg-core";

/** Binary column: ciphertexts and wrapped keys. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** Every tenant table starts with these: `org_id` leads the primary key (Citus-ready). */
export const tenantKey = {
  orgId: uuid("org_id").notNull(),
  id: uuid("id").notNull().defaultRandom(),
};

export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};
