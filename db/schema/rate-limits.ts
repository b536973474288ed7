import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Global fixed-window counters shared by every server instance. Keys are HMACs, never raw IPs. */
export const rateLimitBuckets = pgTable(
  "rate_limit_buckets",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
