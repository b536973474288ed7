import type { CustomerLaw } from "@/db/schema/customers";
import type { Jurisdiction } from "@/db/schema/organizations";

const gdprCountries = new Set([
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL",
  "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "EU",
]);

/** The law a region (ISO country, optionally "-subdivision": CN-BJ, US-CA, DE) implies, if any. */
function lawOfRegion(region: string): CustomerLaw | undefined {
  const [country, subdivision] = region.toUpperCase().split("-");
  if (country === "CN") return "PIPL";
  if (gdprCountries.has(country)) return "GDPR";
  if (country === "US" && subdivision === "CA") return "CCPA";
  return undefined;
}

/**
 * The law whose clock a request runs on: the customer's own applicable law, else the one their
 * region implies, else the organisation's first (default) jurisdiction.
 */
export function lawForRequest(customer: { laws: string[]; region: string | null } | null, orgJurisdictions: readonly Jurisdiction[]): CustomerLaw {
  const own = customer?.laws.find((l): l is CustomerLaw => l === "PIPL" || l === "GDPR" || l === "CCPA");
  return own ?? (customer?.region ? lawOfRegion(customer.region) : undefined) ?? orgJurisdictions[0] ?? "PIPL";
}
