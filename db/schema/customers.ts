import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { bytea, changeTx, tenantKey } from "./columns";
import { organizations } from "./organizations";

// drizzle-orm 0.45 has no bytea column (keys.ts keeps its own private one); pg maps bytea ↔ Buffer.

export const customerStatuses = ["active", "closed", "erased"] as const;
export type CustomerStatus = (typeof customerStatuses)[number];
export const customerLaws = ["PIPL", "GDPR", "CCPA"] as const;
export type CustomerLaw = (typeof customerLaws)[number];

/**
 * The platform's customers (data subjects). Personal fields are stored only as ciphertext under
 * the customer's own data key (*_enc), as HMAC blind indexes for exact search (*_bidx, 128-bit HMAC), and
 * as masked forms so lists never decrypt. Erasure destroys the data key and clears the rest.
 */
export const customers = pgTable(
  "customers",
  {
    ...tenantKey,
    /** The platform's user id; replaced by a pseudonym on erasure. */
    externalRef: text("external_ref").notNull(),
    displayNameEnc: bytea("display_name_enc"),
    phoneEnc: bytea("phone_enc"),
    emailEnc: bytea("email_enc"),
    nationalIdEnc: bytea("national_id_enc"),
    addressEnc: bytea("address_enc"),
    birthDateEnc: bytea("birth_date_enc"),
    phoneBidx: bytea("phone_bidx"),
    emailBidx: bytea("email_bidx"),
    nationalIdBidx: bytea("national_id_bidx"),
    nameMasked: text("name_masked"),
    phoneMasked: text("phone_masked"),
    emailMasked: text("email_masked"),
    nationalIdMasked: text("national_id_masked"),
    addressMasked: text("address_masked"),
    birthDateMasked: text("birth_date_masked"),
    realNameVerified: boolean("real_name_verified").notNull().default(false),
    region: text("region"),
    laws: text("laws").array().notNull().default([]),
    /**
     * The birth date while the customer may be a minor under one of the laws (under 16: GDPR
     * Art. 8, CCPA §1798.120(c), PIPL Art. 31), from the birth date or the one inside a PRC ID
     * number (the younger reading); in clear so the one-statement consent check can count each
     * law's birthdays on its own calendar (lib/customers/minor-age.ts); null for older customers
     * and unknown ages, and cleared on erasure.
     */
    minorBornOn: date("minor_born_on", { mode: "string" }),
    /**
     * When the customer's latest CCPA request to opt out of sale and sharing was completed
     * (§1798.120(a), 11 CCR §7026): it stands for every opt-out purpose, those created later
     * too, until the customer opts in to one again after it (lib/consent/decide.ts).
     */
    saleOptOutAt: timestamp("sale_opt_out_at", { withTimezone: true, mode: "string" }),
    /**
     * When the customer's latest CCPA request to limit the use of their sensitive personal
     * information was completed (§1798.121(b)): it stands for every purpose using a category CPRA
     * calls sensitive that they could refuse, those created later too, until they consent again.
     */
    sensitiveLimitAt: timestamp("sensitive_limit_at", { withTimezone: true, mode: "string" }),
    status: text("status").$type<CustomerStatus>().notNull().default("active"),
    // Text keeps PostgreSQL's microseconds, which a JS Date drops: the keyset cursor compares it exactly.
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" })
      .notNull()
      .defaultNow(),
    lastActiveAt: timestamp("last_active_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    changeTx: changeTx(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    uniqueIndex("customers_external_ref_key").on(t.orgId, t.externalRef),
    index("customers_phone_bidx_idx").on(t.orgId, t.phoneBidx),
    index("customers_email_bidx_idx").on(t.orgId, t.emailBidx),
    index("customers_national_id_bidx_idx").on(t.orgId, t.nationalIdBidx),
    index("customers_created_idx").on(t.orgId, t.createdAt, t.id),
    index("customers_change_idx").on(t.orgId, t.changeTx, t.id),
    index("customers_region_idx").on(t.orgId, t.region, t.createdAt, t.id),
    check("customers_status", sql`${t.status} in ('active', 'closed', 'erased')`),
    check("customers_laws", sql`${t.laws} <@ array['PIPL', 'GDPR', 'CCPA']::text[]`),
  ],
);
