import type { CustomerLaw, CustomerStatus } from "@/db/schema/customers";

/** What the customer list can be filtered by: the URL, the page and the query share it. */
export const lawFilters = ["PIPL", "GDPR", "CCPA"] as const satisfies readonly CustomerLaw[];
export const statusFilters = [
  "active",
  "closed",
  "erased",
] as const satisfies readonly CustomerStatus[];
export const sensitiveFilters = ["yes", "no"] as const;

export interface CustomerListQuery {
  region?: string;
  law?: CustomerLaw;
  status?: CustomerStatus;
  /** "yes": a national ID or a payment account is held; "no": neither. */
  sensitive?: (typeof sensitiveFilters)[number];
  cursor?: string;
}

export const CUSTOMER_PAGE_SIZE = 25;

/** Names of the filters in use (never the cursor). */
export function activeFilterNames(query: CustomerListQuery): string[] {
  return (["region", "law", "status", "sensitive"] as const).filter((k) => query[k] !== undefined);
}
