import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const jurisdictions = ["PIPL", "GDPR", "CCPA"] as const;
export type Jurisdiction = (typeof jurisdictions)[number];
export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];

/** Global: an organisation is the tenant itself. */
export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  jurisdictions: text("jurisdictions").array().$type<Jurisdiction[]>().notNull(),
  locale: text("locale").$type<Locale>().notNull().default("zh-CN"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
