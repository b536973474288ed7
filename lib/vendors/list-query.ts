import { dpaStatusIds, handlerRoleIds, reviewStateIds, riskTierIds } from "./options";

/** What the vendor list can be sorted, filtered and searched by: the URL and the CSV export share it. */
export const vendorSorts = ["name", "risk", "nextReview", "updated"] as const;
export type VendorSort = (typeof vendorSorts)[number];

/** DPA filter: a status, or "expiring" (signed, ends within 30 days), or "missing" (none in force). */
export const dpaFilters = [...dpaStatusIds, "expiring", "missing"] as const;
export type DpaFilter = (typeof dpaFilters)[number];

export const tierFilters = riskTierIds;
export const reviewFilters = reviewStateIds;
export const roleFilters = handlerRoleIds;

export interface VendorListQuery {
  q?: string;
  tier?: (typeof riskTierIds)[number];
  dpa?: DpaFilter;
  crossBorder?: "yes" | "no";
  role?: (typeof handlerRoleIds)[number];
  review?: (typeof reviewStateIds)[number];
  /** Include archived vendors (hidden by default). */
  archived?: boolean;
  sort: VendorSort;
  dir: "asc" | "desc";
  cursor?: string;
}

export const VENDOR_PAGE_SIZE = 25;

/** Names of the filters in use, for the export's audit event (never their values: `q` is free text). */
export function activeFilterNames(query: VendorListQuery): string[] {
  return (["q", "tier", "dpa", "crossBorder", "role", "review", "archived"] as const).filter(
    (k) => query[k] !== undefined && query[k] !== false,
  );
}
