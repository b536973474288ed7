import type { Role } from "@/db/schema/users";

/** The member list's URL state: what the page, its table and its links agree on. */
export const memberSorts = ["name", "email"] as const;
export const memberStatuses = ["active", "deactivated"] as const;
export const MEMBER_PAGE_SIZE = 25;

export interface MemberListQuery {
  q?: string;
  role?: Role;
  status?: (typeof memberStatuses)[number];
  sort: (typeof memberSorts)[number];
  dir: "asc" | "desc";
  cursor?: string;
}

export function isFiltered(query: MemberListQuery): boolean {
  return Boolean(query.q || query.role || query.status);
}
