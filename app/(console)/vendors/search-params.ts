import {
  cursorParam,
  flag,
  optionalEnum,
  searchParamsSchema,
  searchString,
  searchText,
  sortParams,
  type RawSearchParams,
} from "@/lib/core/search-params/schema";
import {
  dpaFilters,
  reviewFilters,
  roleFilters,
  tierFilters,
  vendorSorts,
  type VendorListQuery,
} from "@/lib/vendors/list-query";

/** The vendor list's whole state, from the URL: the page, its table and the CSV export all read it here. */
const vendorSearch = searchParamsSchema({
  q: searchText(),
  tier: optionalEnum(tierFilters),
  dpa: optionalEnum(dpaFilters),
  crossBorder: optionalEnum(["yes", "no"] as const),
  role: optionalEnum(roleFilters),
  review: optionalEnum(reviewFilters),
  archived: flag(),
  ...sortParams(vendorSorts, "name"),
  cursor: cursorParam(),
});

export function parseVendorSearchParams(input: RawSearchParams): VendorListQuery {
  return vendorSearch.parse(input);
}

/** The query back as URL parameters (for links: first and next page, CSV export). */
export const vendorSearchString = (query: VendorListQuery): string => searchString({ ...query });
