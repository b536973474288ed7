import { sql } from "drizzle-orm";
import {
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
import { organizations } from "./organizations";
import { departments } from "./departments";
import { users, type Role } from "./users";

/**
 * An invitation into an organisation, addressed to an email. Nothing about an account is read or
 * written when it is made: the person joins only by opening the emailed link and accepting (a new
 * address sets up its account then; an existing account signs in first). The link carries a
 * 256-bit token, stored only as its SHA-256 hash, single-use and expiring. At most one open
 * (neither accepted nor revoked) invitation per address and organisation.
 */
export const invitations = pgTable(
  "invitations",
  {
    ...tenantKey,
    /** Lower-cased, as the inviter typed it. */
    email: text("email").notNull(),
    /** The name the inviter gave: proposed to a new account, never applied to an existing one. */
    name: text("name").notNull(),
    role: text("role").$type<Role>().notNull(),
    departmentId: uuid("department_id"),
    invitedBy: uuid("invited_by")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    foreignKey({
      columns: [t.orgId, t.departmentId],
      foreignColumns: [departments.orgId, departments.id],
    }),
    uniqueIndex("invitations_token_key").on(t.orgId, t.tokenHash),
    uniqueIndex("invitations_open_email_key")
      .on(t.orgId, t.email)
      .where(sql`accepted_at is null and revoked_at is null`),
    index("invitations_created_idx").on(t.orgId, t.createdAt, t.id),
  ],
);
