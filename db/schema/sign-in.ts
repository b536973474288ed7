import { bigint, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Failed sign-ins counted per key (lib/core/auth/sign-in-limits.ts): an account and client, an
 * account across all clients, or an account's second factor. Keys are HMACs of what they count,
 * so an unknown address has its counters just as a known one does, and no address is stored.
 */
export const signInCounters = pgTable("sign_in_counters", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }),
  /** For an account and client: when this client last signed in to this account. */
  lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
});

/**
 * Failed sign-ins waiting to be audited (lib/core/auth/sign-in-failure-audit.ts). The attempt
 * writes one row whether or not the account exists, so the answer costs the same work for both;
 * the job writes the audit events of known accounts and drops the rest.
 */
export const signInFailures = pgTable("sign_in_failures", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  userId: uuid("user_id"),
  reason: text("reason", { enum: ["password", "account_ceiling", "second_factor"] }).notNull(),
  /** The deciding counter after this failure: the client's, or the second factor's. */
  failures: integer("failures").notNull(),
  /** The account's count across all clients after this failure (password failures only). */
  accountFailures: integer("account_failures"),
  occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
});
