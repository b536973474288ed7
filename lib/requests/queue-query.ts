import type { CustomerLaw } from "@/db/schema/customers";
import type { RequestType } from "@/db/schema/requests";
import type { SlaState } from "./deadline";

export const slaFilters = [
  "on_track",
  "due_soon",
  "overdue",
  "paused",
  "not_started",
] as const satisfies readonly SlaState[];
/** "open" is the queue's default; "all" lifts the status filter. */
export const statusFilters = [
  "open",
  "all",
  "received",
  "awaiting_identity",
  "verified",
  "in_progress",
  "awaiting_requester",
  "completed",
  "rejected",
] as const;
export type StatusFilter = (typeof statusFilters)[number];

/** The queue's state as the URL carries it (see app/(console)/requests/search-params.ts). */
export interface RequestQueueQuery {
  type?: RequestType;
  status?: StatusFilter;
  sla?: (typeof slaFilters)[number];
  law?: CustomerLaw;
  /** "mine", "unassigned" or a member's id. */
  assignee?: string;
  cursor?: string;
}
