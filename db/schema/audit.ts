import {
  bigint,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations } from "./organizations";

/**
 * Append-only, hash-chained per organisation. No foreign keys to the rows it describes, so that
 * erasing data never touches the chain; details hold ids and field names, never personal data.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    orgId: uuid("org_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "string" }).notNull(),
    actorType: text("actor_type").$type<"user" | "api_key" | "system" | "customer">().notNull(),
    actorId: text("actor_id").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.seq] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    index("audit_events_action_idx").on(t.orgId, t.action, t.seq),
    index("audit_events_target_idx").on(t.orgId, t.targetType, t.targetId, t.seq),
    index("audit_events_actor_idx").on(t.orgId, t.actorId, t.seq),
    index("audit_events_time_idx").on(t.orgId, t.occurredAt),
  ],
);

/** Signed chain heads, verifiable outside the database with the public key. */
export const auditCheckpoints = pgTable(
  "audit_checkpoints",
  {
    orgId: uuid("org_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    hash: text("hash").notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true, mode: "string" }).notNull(),
    keyId: text("key_id").notNull(),
    signature: text("signature").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    index("audit_checkpoints_seq_idx").on(t.orgId, t.seq),
  ],
);
