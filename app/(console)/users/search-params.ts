import { z } from "zod";
import { roles } from "@/db/schema/users";
import { encodeCursor, type Cursor } from "@/lib/core/pagination/cursor";
import { memberSorts, memberStatuses, type MemberListQuery } from "@/lib/users/list-query";

// A bad or stale value (old link, hand-edited URL) is dropped rather than failing the page.
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const blank = (value: unknown) => (value === "" ? undefined : value);

const schema = z.preprocess(
  (raw) =>
    Object.fromEntries(
      Object.entries((raw ?? {}) as Record<string, unknown>).map(([k, v]) => [k, blank(first(v))]),
    ),
  z.object({
    q: z
      .string()
      .trim()
      .max(100)
      .optional()
      .catch(undefined)
      .transform((v) => v || undefined),
    role: z.enum(roles).optional().catch(undefined),
    status: z.enum(memberStatuses).optional().catch(undefined),
    sort: z.enum(memberSorts).catch("name").default("name"),
    dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
    cursor: z.string().max(512).optional().catch(undefined),
  }),
);

export function parseMemberSearch(
  raw: Record<string, string | string[] | undefined>,
): MemberListQuery {
  return schema.parse(raw);
}

/** The list's URL for a query: its first page, or the page after `next`. */
export function membersHref(query: MemberListQuery, next?: Cursor): string {
  const state = { ...query, cursor: next ? encodeCursor(next) : undefined };
  const entries = Object.entries(state).flatMap(([k, v]) =>
    v === undefined ? [] : [[k, String(v)]],
  );
  const search = new URLSearchParams(entries).toString();
  return search ? `/users?${search}` : "/users";
}
