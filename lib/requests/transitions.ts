import type { RequestStatus } from "@/db/schema/requests";

/** received → awaiting identity → verified → in progress ⇄ awaiting requester → completed | rejected. */
export const nextStatuses: Record<RequestStatus, readonly RequestStatus[]> = {
  received: ["awaiting_identity", "verified", "rejected"],
  awaiting_identity: ["verified", "rejected"],
  verified: ["in_progress", "rejected"],
  in_progress: ["awaiting_requester", "completed", "rejected"],
  awaiting_requester: ["in_progress", "rejected"],
  completed: [],
  rejected: [],
};

export const openStatuses: readonly RequestStatus[] = [
  "received",
  "awaiting_identity",
  "verified",
  "in_progress",
  "awaiting_requester",
];

export function canMove(from: RequestStatus, to: RequestStatus): boolean {
  return nextStatuses[from].includes(to);
}
