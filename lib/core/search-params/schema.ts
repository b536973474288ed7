import { z } from "zod";
import { calendarDate } from "@/lib/core/dates";

/**
 * One way to read a list page's state from its URL. A bad or stale value (an old link, a
 * hand-edited URL) is dropped rather than failing the page: every field is optional or has a
 * default, and a repeated parameter counts once.
 */
export type RawSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const blank = (value: unknown) => (value === "" ? undefined : value);

/** A URL's parameters parsed by `shape`, each value its first occurrence, empty ones absent. */
export function searchParamsSchema<S extends z.ZodRawShape>(shape: S) {
  const schema = z.preprocess(
    (raw) =>
      Object.fromEntries(
        Object.entries((raw ?? {}) as Record<string, unknown>).map(([k, v]) => [
          k,
          blank(first(v)),
        ]),
      ),
    z.object(shape),
  );
  return {
    schema,
    parse: (input: RawSearchParams): z.infer<z.ZodObject<S>> =>
      schema.parse(input instanceof URLSearchParams ? Object.fromEntries(input) : input) as never,
  };
}

/** One of `values`, or nothing. */
export const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);

/** Free text (a name searched for), trimmed, at most `max` characters; empty means none. */
export const searchText = (max = 100) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);

/** A box that is ticked when the URL says `true`. */
export const flag = () =>
  z
    .literal("true")
    .optional()
    .catch(undefined)
    .transform((v) => v === "true" || undefined);

/** The column the list is sorted by, and its direction. */
export const sortParams = <T extends readonly [string, ...string[]]>(sorts: T, by: T[number]) => ({
  sort: z.enum(sorts).catch(by).default(by),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
});

/** Where a keyset page continues from (opaque; a malformed one means the first page). */
export const cursorParam = (max = 500) => z.string().max(max).optional().catch(undefined);

/** A calendar day (YYYY-MM-DD) that exists on the calendar (no 2026-02-30). */
export const dayParam = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((d) => {
      const [y, m, day] = d.split("-").map(Number);
      return calendarDate(y, m, day) === d;
    })
    .optional()
    .catch(undefined);

/** The state back as a query string (no "?"), leaving out what is unset, false or empty. */
export function searchString(state: Record<string, unknown>): string {
  const entries = Object.entries(state).flatMap(([key, value]) =>
    value === undefined || value === false || value === "" || value === null
      ? []
      : [[key, String(value)]],
  );
  return new URLSearchParams(entries).toString();
}

/** `path` with the state's query string, or just `path` when nothing is set. */
export function hrefWith(path: string, state: Record<string, unknown>): string {
  const query = searchString(state);
  return query ? `${path}?${query}` : path;
}
