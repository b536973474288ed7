import type { CustomerLaw } from "@/db/schema/customers";
import type { Jurisdiction } from "@/db/schema/organizations";
import { applicableLaws } from "@/lib/customers/applicable-laws";

/** The law whose clock a request runs on: the first of the laws that apply to the customer. */
export function lawForRequest(customer: { laws: string[]; region: string | null } | null, orgJurisdictions: readonly Jurisdiction[]): CustomerLaw {
  return applicableLaws(customer, orgJurisdictions).laws[0];
}
