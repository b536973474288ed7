import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { tenantKey } from "./columns";
import { organizations } from "./organizations";

export const apiScopes = [
  "customers:read",
  "customers:write",
  "orders:write",
  "consent:read",
  "consent:write",
  "incidents:write",
] as const;
export type ApiScope = (typeof apiScopes)[number];

/**
 * Keys the platform's backend calls /api/v1 with. The secret is shown once and stored only as a
 * SHA-256 hash (it is 256 random bits, so a slow hash adds nothing); `prefix` is the public part
 * of the token that finds the row.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    ...tenantKey,
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes").array().$type<ApiScope[]>().notNull(),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    uniqueIndex("api_keys_prefix_key").on(t.prefix),
    index("api_keys_created_idx").on(t.orgId, t.createdAt),
  ],
);

/**
 * The stored answer to a request sent with an Idempotency-Key, written in the same transaction as
 * the request's effects: a retry gets the same answer and writes nothing twice; the same key with
 * a different body is refused. Kept for 24 hours.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    orgId: uuid("org_id").notNull(),
    apiKeyId: uuid("api_key_id").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    body: jsonb("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.apiKeyId, t.key] }),
    foreignKey({ columns: [t.orgId, t.apiKeyId], foreignColumns: [apiKeys.orgId, apiKeys.id] }),
    index("idempotency_keys_created_idx").on(t.createdAt),
  ],
);
