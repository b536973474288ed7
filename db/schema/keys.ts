import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "./columns";
import { organizations } from "./organizations";

// drizzle-orm 0.45 has no bytea column; node-postgres already maps bytea to and from Buffer.

export const orgKeyStatuses = ["primary", "decrypt_only", "destroyed"] as const;
export type OrgKeyStatus = (typeof orgKeyStatuses)[number];

/**
 * Per-organisation keys, wrapped by the master key (AAD binds org and version). New data is
 * sealed under the one primary version; older versions stay decrypt_only until rotation rewraps.
 */
export const orgKeys = pgTable(
  "org_keys",
  {
    orgId: uuid("org_id").notNull(),
    version: integer("version").notNull(),
    /** Null once destroyed: nothing sealed under this version can be opened again. */
    wrappedKey: bytea("wrapped_key"),
    /** The master key that wrapped it (KeyProvider.keyId), so master rotation knows what is left. */
    wrappedBy: text("wrapped_by").notNull().default("env:legacy"),
    status: text("status").$type<OrgKeyStatus>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    destroyedAt: timestamp("destroyed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.version] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    uniqueIndex("org_keys_one_primary")
      .on(t.orgId)
      .where(sql`${t.status} = 'primary'`),
    check("org_keys_status", sql`${t.status} in ('primary', 'decrypt_only', 'destroyed')`),
    check("org_keys_version_positive", sql`${t.version} > 0`),
    check(
      "org_keys_destroyed_has_no_key",
      sql`(${t.status} = 'destroyed') = (${t.wrappedKey} is null)`,
    ),
  ],
);

/**
 * One data key per data subject, wrapped by an org key version. Destroying it (wrapped_key NULL)
 * crypto-shreds every ciphertext sealed under it, wherever copies of that ciphertext live.
 */
export const dataKeys = pgTable(
  "data_keys",
  {
    orgId: uuid("org_id").notNull(),
    subjectId: uuid("subject_id").notNull(),
    orgKeyVersion: integer("org_key_version").notNull(),
    wrappedKey: bytea("wrapped_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    destroyedAt: timestamp("destroyed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.subjectId] }),
    foreignKey({
      columns: [t.orgId, t.orgKeyVersion],
      foreignColumns: [orgKeys.orgId, orgKeys.version],
    }),
    check(
      "data_keys_destroyed_has_no_key",
      sql`(${t.wrappedKey} is null) = (${t.destroyedAt} is not null)`,
    ),
  ],
);

export const keyRotationStatuses = ["running", "completed", "failed"] as const;
export type KeyRotationStatus = (typeof keyRotationStatuses)[number];

/**
 * One rotation of an organisation key: the new version is primary from the start; the job moves
 * every protected value from older versions to it in batches, counting `done` in each batch's own
 * transaction, so progress is exact and a restarted job resumes where the last commit left it.
 */
export const keyRotations = pgTable(
  "key_rotations",
  {
    orgId: uuid("org_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    toVersion: integer("to_version").notNull(),
    status: text("status").$type<KeyRotationStatus>().notNull().default("running"),
    total: integer("total").notNull().default(0),
    done: integer("done").notNull().default(0),
    startedBy: text("started_by").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "string" })
      .notNull()
      .defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.toVersion],
      foreignColumns: [orgKeys.orgId, orgKeys.version],
    }),
    uniqueIndex("key_rotations_one_running")
      .on(t.orgId)
      .where(sql`${t.status} = 'running'`),
    index("key_rotations_started_idx").on(t.orgId, t.startedAt),
    check("key_rotations_status", sql`${t.status} in ('running', 'completed', 'failed')`),
  ],
);
