import { z } from "zod";
import { requestTypes } from "@/db/schema/requests";
import { slaFilters, statusFilters, type RequestQueueQuery } from "@/lib/requests/queue-query";

// A bad or stale value (old link, hand-edited URL) is dropped rather than failing the page.
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const blank = (value: unknown) => (value === "" ? undefined : value);

/** The queue's whole state, from the URL. */
const requestSearchParams = z.preprocess(
  (raw) =>
    Object.fromEntries(
      Object.entries((raw ?? {}) as Record<string, unknown>).map(([k, v]) => [k, blank(first(v))]),
    ),
  z.object({
    type: optionalEnum(requestTypes),
    // The queue opens on the open requests; closed ones are a choice away ("all", "completed"…).
    status: z.enum(statusFilters).default("open").catch("open"),
    sla: optionalEnum(slaFilters),
    law: optionalEnum(["PIPL", "GDPR", "CCPA"] as const),
    assignee: z
      .union([z.enum(["mine", "unassigned"]), z.uuid()])
      .optional()
      .catch(undefined),
    cursor: z.string().max(500).optional().catch(undefined),
  }),
);

export function parseRequestSearchParams(
  input: Record<string, string | string[] | undefined>,
): RequestQueueQuery {
  return requestSearchParams.parse(input);
}

export function requestSearchString(query: RequestQueueQuery): string {
  const entries = Object.entries(query).flatMap(([key, value]) =>
    value === undefined ? [] : [[key, String(value)]],
  );
  return new URLSearchParams(entries).toString();
}

export const activeFilters = (query: RequestQueueQuery) =>
  (["type", "status", "sla", "law", "assignee"] as const).filter(
    (k) => query[k] !== undefined && !(k === "status" && query.status === "open"),
  );
