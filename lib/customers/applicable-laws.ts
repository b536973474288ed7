// Types only: client components (the intake form) use this too, without the database layer.
import type { CustomerLaw } from "@/db/schema/customers";
import type { Jurisdiction } from "@/db/schema/organizations";

/** EEA member states (GDPR applies through the EEA Agreement in IS, LI, NO) and "EU" itself. */
const gdprCountries = new Set([
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "IS",
  "LI",
  "NO",
  "EU",
]);

/** Hong Kong and Macao have their own data-protection laws (Basic Law Annex III does not list PIPL); PIPL does not apply in Taiwan. */
const outsidePipl = new Set(["HK", "MO", "TW"]);

/** The law a region (ISO country, optionally "-subdivision": CN-BJ, US-CA, DE) implies, if any. */
export function lawOfRegion(region: string): CustomerLaw | undefined {
  const [country, subdivision] = region.trim().toUpperCase().split("-");
  if (country === "CN") return subdivision && outsidePipl.has(subdivision) ? undefined : "PIPL";
  if (gdprCountries.has(country)) return "GDPR";
  if (country === "US" && subdivision === "CA") return "CCPA";
  return undefined;
}

/**
 * Where the answer came from: the customer's own laws; the one their region implies; the
 * organisation's jurisdictions because the customer has no region, or because their region lies
 * outside every law we hold (pages say so: `region_outside`).
 */
export type ApplicableLawsBasis = "customer" | "region" | "organisation" | "region_outside";

export interface ApplicableLaws {
  /** Never empty, without repeats, in the order given (the organisation lists its default jurisdiction first). */
  laws: CustomerLaw[];
  basis: ApplicableLawsBasis;
}

const customerLaws: readonly CustomerLaw[] = ["PIPL", "GDPR", "CCPA"];
const known = (law: string): law is CustomerLaw =>
  (customerLaws as readonly string[]).includes(law);
const distinct = (laws: readonly string[]): CustomerLaw[] => [...new Set(laws.filter(known))];

/**
 * The laws that apply to a customer: for consent (lib/consent) and request clocks (lib/requests)
 * alike, so both always agree. The customer's own laws; else the one their region implies; else
 * the organisation's jurisdictions (a customer we know nothing about, or one from a region outside
 * every law, e.g. GB, is treated under all of the organisation's laws, not only the first).
 */
export function applicableLaws(
  customer: { laws: readonly string[]; region: string | null } | null,
  orgJurisdictions: readonly Jurisdiction[],
): ApplicableLaws {
  const own = distinct(customer?.laws ?? []);
  if (own.length) return { laws: own, basis: "customer" };
  const region = customer?.region?.trim() || null;
  const implied = region ? lawOfRegion(region) : undefined;
  if (implied) return { laws: [implied], basis: "region" };
  const organisation = distinct(orgJurisdictions);
  return {
    laws: organisation.length ? organisation : ["PIPL"],
    basis: region ? "region_outside" : "organisation",
  };
}
