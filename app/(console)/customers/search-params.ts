import { z } from "zod";
import {
  lawFilters,
  sensitiveFilters,
  statusFilters,
  type CustomerListQuery,
} from "@/lib/customers/list-query";

// A bad or stale value (old link, hand-edited URL) is dropped rather than failing the page.
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const blank = (value: unknown) => (value === "" ? undefined : value);

/**
 * The customer list's state, from the URL: filters and the cursor only. Searches by phone, email
 * or ID number are never here (they are POSTed): a URL lands in history, logs and referrers.
 */
export const customerSearchParams = z.preprocess(
  (raw) =>
    Object.fromEntries(
      Object.entries((raw ?? {}) as Record<string, unknown>).map(([k, v]) => [k, blank(first(v))]),
    ),
  z.object({
    region: z
      .string()
      .trim()
      .max(64)
      .optional()
      .catch(undefined)
      .transform((v) => v || undefined),
    law: optionalEnum(lawFilters),
    status: optionalEnum(statusFilters),
    sensitive: optionalEnum(sensitiveFilters),
    cursor: z.string().max(500).optional().catch(undefined),
  }),
);

export function parseCustomerSearchParams(
  input: Record<string, string | string[] | undefined>,
): CustomerListQuery {
  return customerSearchParams.parse(input);
}

/** The query back as URL parameters (for the first- and next-page links). */
export function customerSearchString(query: CustomerListQuery): string {
  const entries = Object.entries(query).flatMap(([key, value]) =>
    value === undefined ? [] : [[key, String(value)]],
  );
  return new URLSearchParams(entries).toString();
}
