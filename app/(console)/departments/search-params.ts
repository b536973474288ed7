import { decodeCursor, encodeCursor, type Cursor } from "@/lib/core/pagination/cursor";

/** The list has no filters: only where it continues from. A malformed cursor means the first page. */
export function parseDepartmentSearch(raw: Record<string, string | string[] | undefined>): {
  cursor?: Cursor;
  deleted: boolean;
} {
  const cursor = Array.isArray(raw.cursor) ? raw.cursor[0] : raw.cursor;
  return { cursor: decodeCursor(cursor?.slice(0, 512)), deleted: raw.deleted === "1" };
}

export function departmentsHref(cursor?: Cursor): string {
  return cursor ? `/departments?cursor=${encodeCursor(cursor)}` : "/departments";
}
