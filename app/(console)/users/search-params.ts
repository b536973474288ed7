import { roles } from "@/db/schema/users";
import { encodeCursor, type Cursor } from "@/lib/core/pagination/cursor";
import {
  cursorParam,
  hrefWith,
  optionalEnum,
  searchParamsSchema,
  searchText,
  sortParams,
  type RawSearchParams,
} from "@/lib/core/search-params/schema";
import { memberSorts, memberStatuses, type MemberListQuery } from "@/lib/users/list-query";

const memberSearch = searchParamsSchema({
  q: searchText(),
  role: optionalEnum(roles),
  status: optionalEnum(memberStatuses),
  ...sortParams(memberSorts, "name"),
  cursor: cursorParam(512),
});

export function parseMemberSearch(raw: RawSearchParams): MemberListQuery {
  return memberSearch.parse(raw);
}

/** The list's URL for a query: its first page, or the page after `next`. */
export function membersHref(query: MemberListQuery, next?: Cursor): string {
  return hrefWith("/users", { ...query, cursor: next ? encodeCursor(next) : undefined });
}
