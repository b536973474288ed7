import { foreignKey, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantKey, timestamps } from "./columns";
import { organizations } from "./organizations";

export const departments = pgTable(
  "departments",
  {
    ...tenantKey,
    name: text("name").notNull(),
    headUserId: uuid("head_user_id"),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    uniqueIndex("departments_name_key").on(t.orgId, t.name),
  ],
);
