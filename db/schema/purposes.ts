import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  foreignKey,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { tenantKey, timestamps } from "./columns";
import { customerLaws, type CustomerLaw } from "./customers";
import { organizations } from "./organizations";
import { policyDocuments, policyVersions, type LocalizedText } from "./policies";

/**
 * The legal bases a purpose can declare, per law (PIPL Art. 13(1); GDPR Art. 6(1); CCPA/CPRA:
 * opt-out of sale and sharing, notice at collection, opt-in consent). Their articles and how each
 * decides live in lib/consent/legal-bases.ts. PIPL has no legitimate interest, and opt-out is a
 * basis only where a law provides it (CCPA).
 */
export const purposeBasisIds = {
  PIPL: [
    "consent",
    "contract",
    "legal_obligation",
    "emergency",
    "news_reporting",
    "disclosed_information",
    "other_law",
  ],
  GDPR: [
    "consent",
    "contract",
    "legal_obligation",
    "vital_interests",
    "public_interest",
    "legitimate_interest",
  ],
  CCPA: ["opt_out", "notice", "consent"],
} as const satisfies Record<CustomerLaw, readonly string[]>;
export type BasisOf<L extends CustomerLaw> = (typeof purposeBasisIds)[L][number];
/** A purpose's basis under each law it is offered under; a law without one is not offered the purpose. */
export type PurposeBases = { [L in CustomerLaw]?: BasisOf<L> };
/** How consent is asked where a basis is consent: standard, or separate consent (单独同意, PIPL Arts. 23, 25, 29, 39). */
export const consentKinds = ["standard", "separate"] as const;
export type ConsentKind = (typeof consentKinds)[number];
/** Why a purpose needs separate consent under PIPL. */
export const separateConsentGrounds = [
  "sensitive",
  "sharing",
  "public_disclosure",
  "cross_border",
] as const;
export type SeparateConsentGround = (typeof separateConsentGrounds)[number];

/**
 * How a cross-border transfer is made lawful (PIPL Art. 38; 《促进和规范数据跨境流动规定》, in force
 * 2024-03-22): a standard contract filed with the provincial CAC, certification, a CAC security
 * assessment, or one of the exemptions (contract necessity, HR, emergencies, small volumes).
 */
export const transferMechanisms = [
  "standard_contract",
  "certification",
  "security_assessment",
  "exemption",
] as const;
export type TransferMechanism = (typeof transferMechanisms)[number];

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

/** Only the laws' own keys, each naming one of that law's bases, and at least one law. */
const basesCheck = (column: AnyPgColumn) =>
  sql.join(
    [
      sql`jsonb_typeof(${column}) = 'object' and ${column} <> '{}'::jsonb`,
      sql`(${column} - array[${sql.raw(quoted(customerLaws))}]) = '{}'::jsonb`,
      ...customerLaws.map(
        (law) =>
          sql`coalesce(${column}->>'${sql.raw(law)}' in (${sql.raw(quoted(purposeBasisIds[law]))}), true)`,
      ),
    ],
    sql` and `,
  );

/** The catalogue of processing purposes the organisation asks (or does not need to ask) consent for. */
export const purposes = pgTable(
  "purposes",
  {
    ...tenantKey,
    /** Stable code the platform's API uses, e.g. `marketing_sms`. */
    code: text("code").notNull(),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    description: jsonb("description").$type<LocalizedText>().notNull(),
    /** Its basis per law ({ PIPL: "consent", GDPR: "legitimate_interest", CCPA: "opt_out" }). */
    bases: jsonb("bases").$type<PurposeBases>().notNull(),
    consentKind: text("consent_kind").$type<ConsentKind>().notNull(),
    separateGrounds: text("separate_grounds")
      .array()
      .$type<SeparateConsentGround[]>()
      .notNull()
      .default([]),
    dataCategories: text("data_categories").array().notNull().default([]),
    sensitive: boolean("sensitive").notNull().default(false),
    /** Vendors (from the registry) that receive data for this purpose. */
    recipientVendorIds: uuid("recipient_vendor_ids").array().notNull().default([]),
    crossBorderDestination: text("cross_border_destination"),
    /** Set exactly when there is a destination (the transfer register links to it). */
    transferMechanism: text("transfer_mechanism").$type<TransferMechanism>(),
    /** Required purposes (contract, legal obligation) cannot be refused in the preference center. */
    required: boolean("required").notNull().default(false),
    /** The document that describes it; a material change published there asks for re-consent. */
    policyDocumentId: uuid("policy_document_id"),
    /** The version that describes it now (updated when that document publishes). */
    policyVersionId: uuid("policy_version_id"),
    /** Consents given before this instant must be given again (a material change was published). */
    reconsentSince: timestamp("reconsent_since", { withTimezone: true }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    foreignKey({
      columns: [t.orgId, t.policyDocumentId],
      foreignColumns: [policyDocuments.orgId, policyDocuments.id],
    }),
    foreignKey({
      columns: [t.orgId, t.policyVersionId],
      foreignColumns: [policyVersions.orgId, policyVersions.id],
    }),
    uniqueIndex("purposes_code_key").on(t.orgId, t.code),
    check("purposes_code_format", sql`${t.code} ~ '^[a-z][a-z0-9_]{1,62}$'`),
    check("purposes_bases", basesCheck(t.bases)),
    check("purposes_consent_kind", sql`${t.consentKind} in ('standard', 'separate')`),
    check(
      "purposes_transfer_mechanism",
      sql`${t.transferMechanism} in ('standard_contract', 'certification', 'security_assessment', 'exemption')`,
    ),
  ],
);
