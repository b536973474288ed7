import { z } from "zod";
import { requestTypes } from "@/db/schema/requests";
import {
  cursorParam,
  optionalEnum,
  searchParamsSchema,
  searchString,
  type RawSearchParams,
} from "@/lib/core/search-params/schema";
import { slaFilters, statusFilters, type RequestQueueQuery } from "@/lib/requests/queue-query";

/** The queue's whole state, from the URL. */
const requestSearch = searchParamsSchema({
  type: optionalEnum(requestTypes),
  // The queue opens on the open requests; closed ones are a choice away ("all", "completed"…).
  status: z.enum(statusFilters).default("open").catch("open"),
  sla: optionalEnum(slaFilters),
  law: optionalEnum(["PIPL", "GDPR", "CCPA"] as const),
  assignee: z
    .union([z.enum(["mine", "unassigned"]), z.uuid()])
    .optional()
    .catch(undefined),
  cursor: cursorParam(),
});

export function parseRequestSearchParams(input: RawSearchParams): RequestQueueQuery {
  return requestSearch.parse(input);
}

export const requestSearchString = (query: RequestQueueQuery): string => searchString({ ...query });

export const activeFilters = (query: RequestQueueQuery) =>
  (["type", "status", "sla", "law", "assignee"] as const).filter(
    (k) => query[k] !== undefined && !(k === "status" && query.status === "open"),
  );
