import {
  cursorParam,
  optionalEnum,
  searchParamsSchema,
  searchString,
  searchText,
  type RawSearchParams,
} from "@/lib/core/search-params/schema";
import {
  lawFilters,
  sensitiveFilters,
  statusFilters,
  type CustomerListQuery,
} from "@/lib/customers/list-query";

/**
 * The customer list's state, from the URL: filters and the cursor only. Searches by phone, email
 * or ID number are never here (they are POSTed): a URL lands in history, logs and referrers.
 */
const customerSearch = searchParamsSchema({
  region: searchText(64),
  law: optionalEnum(lawFilters),
  status: optionalEnum(statusFilters),
  sensitive: optionalEnum(sensitiveFilters),
  cursor: cursorParam(),
});

export function parseCustomerSearchParams(input: RawSearchParams): CustomerListQuery {
  return customerSearch.parse(input);
}

/** The query back as URL parameters (for the first- and next-page links). */
export const customerSearchString = (query: CustomerListQuery): string =>
  searchString({ ...query });
