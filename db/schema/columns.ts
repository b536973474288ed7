import { sql } from "drizzle-orm";
import { bigint, customType, timestamp, uuid } from "drizzle-orm/pg-core";

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

/** The writing transaction's id as a bigint: set on insert by default and on every update. */
export const currentTxId = sql`(pg_current_xact_id()::text)::bigint`;

/**
 * Which transaction last wrote the row, for the API's changes feeds: a reader returns only rows
 * below the oldest transaction still running, so a slow writer's row is never skipped.
 */
export const changeTx = () =>
  bigint("change_tx", { mode: "number" }).notNull().default(currentTxId);
