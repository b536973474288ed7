import { sql } from "drizzle-orm";
import { check, jsonb, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const jurisdictions = ["PIPL", "GDPR", "CCPA"] as const;
export type Jurisdiction = (typeof jurisdictions)[number];
export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];

/** Global: an organisation is the tenant itself. */
export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    jurisdictions: text("jurisdictions").array().$type<Jurisdiction[]>().notNull(),
    locale: text("locale").$type<Locale>().notNull().default("zh-CN"),
    /** IANA zone the console and the portal show times in (lib/core/i18n/format-date.ts). */
    timeZone: text("time_zone").notNull().default("Asia/Shanghai"),
    /** IANA zone of the EU establishment: GDPR request clocks date receipt in it (lib/requests/clock-rules.ts). */
    gdprTimeZone: text("gdpr_time_zone").notNull().default("Europe/Brussels"),
    /** PIPL request periods that differ from the default 15 working days, per request type (within clock-rules' limits). */
    piplPeriods: jsonb("pipl_periods")
      .$type<Partial<Record<string, { amount: number; unit: "working_days" | "calendar_days" }>>>()
      .notNull()
      .default({}),
    /**
     * GDPR Art. 8(1): below this age a parent consents for the child (16 unless the member state of
     * the EU establishment sets 13 to 15; lib/consent/legal-bases.ts `gdprChildAgeRule`).
     */
    gdprChildAge: smallint("gdpr_child_age").notNull().default(16),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("organizations_gdpr_child_age", sql`${t.gdprChildAge} between 13 and 16`)],
);
