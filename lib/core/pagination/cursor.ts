/**
 * Keyset (seek) pagination cursors: the last row's sort value and id, base64url-encoded JSON.
 * The next page is "rows after (value, id)" on an index of (org_id, column, id): no OFFSET.
 */
export interface Cursor {
  v: string | number | null;
  id: string;
}

/** Row ids are UUIDs; anything else would reach the database as an invalid value. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** Undefined for a missing or malformed cursor: the list then starts at its first page. */
export function decodeCursor(raw: string | undefined | null): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (
      typeof parsed?.id === "string" &&
      UUID.test(parsed.id) &&
      (["string", "number"].includes(typeof parsed.v) || parsed.v === null)
    )
      return parsed as Cursor;
  } catch {
    // fall through
  }
  return undefined;
}
