import { and, asc, desc, gt, lt, or, eq, type AnyColumn, type SQL } from "drizzle-orm";
import type { Cursor } from "./cursor";

export type Direction = "asc" | "desc";

/** WHERE clause for "after this cursor" on (column, id) in the given direction. */
export function afterCursor(
  column: AnyColumn,
  id: AnyColumn,
  direction: Direction,
  cursor?: Cursor,
): SQL | undefined {
  if (!cursor) return undefined;
  const beyond = direction === "asc" ? gt : lt;
  return or(beyond(column, cursor.v), and(eq(column, cursor.v), beyond(id, cursor.id)));
}

/** ORDER BY (column, id) in one direction, matching the (org_id, column, id) index. */
export function keysetOrder(column: AnyColumn, id: AnyColumn, direction: Direction): SQL[] {
  const by = direction === "asc" ? asc : desc;
  return [by(column), by(id)];
}

/** Fetch pageSize + 1 rows; this splits them into the page and the next cursor. */
export function pageOf<T>(
  rows: T[],
  pageSize: number,
  cursorOf: (row: T) => Cursor,
): { rows: T[]; next?: Cursor } {
  if (rows.length <= pageSize) return { rows };
  const page = rows.slice(0, pageSize);
  return { rows: page, next: cursorOf(page[page.length - 1]) };
}
