import { z } from "zod";
import {
  dpaFilters,
  reviewFilters,
  roleFilters,
  tierFilters,
  vendorSorts,
  type VendorListQuery,
} from "@/lib/vendors/list-query";

// A bad or stale value (old link, hand-edited URL) is dropped rather than failing the page.
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const blank = (value: unknown) => (value === "" ? undefined : value);

/** The vendor list's whole state, from the URL: the page, its table and the CSV export all read it here. */
export const vendorSearchParams = z.preprocess(
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
    tier: optionalEnum(tierFilters),
    dpa: optionalEnum(dpaFilters),
    crossBorder: optionalEnum(["yes", "no"] as const),
    role: optionalEnum(roleFilters),
    review: optionalEnum(reviewFilters),
    archived: z
      .literal("true")
      .optional()
      .catch(undefined)
      .transform((v) => v === "true" || undefined),
    sort: z.enum(vendorSorts).catch("name").default("name"),
    dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
    cursor: z.string().max(500).optional().catch(undefined),
  }),
);

export function parseVendorSearchParams(
  input: Record<string, string | string[] | undefined> | URLSearchParams,
): VendorListQuery {
  const raw = input instanceof URLSearchParams ? Object.fromEntries(input.entries()) : input;
  return vendorSearchParams.parse(raw);
}

/** The query back as URL parameters (for links: first and next page, CSV export). */
export function vendorSearchString(query: VendorListQuery): string {
  const entries = Object.entries(query).flatMap(([key, value]) =>
    value === undefined || value === false ? [] : [[key, String(value)]],
  );
  return new URLSearchParams(entries).toString();
}
