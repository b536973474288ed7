import type { RiskTreatment } from "@/db/schema/risks";

export const acceptanceStates = ["none", "pending", "accepted", "expired"] as const;
export type AcceptanceState = (typeof acceptanceStates)[number];

/**
 * Where a risk's acceptance stands on `today`: only a risk treated by accepting it has one; it is
 * pending until an approver other than its owner and its requester accepts it, and expired from
 * its expiry date on (the date is the first day it no longer holds).
 */
export function acceptanceState(
  risk: { treatment: RiskTreatment; acceptedBy: string | null; acceptanceExpiresOn: string | null },
  today: string,
): AcceptanceState {
  if (risk.treatment !== "accept") return "none";
  if (!risk.acceptedBy || !risk.acceptanceExpiresOn) return "pending";
  return risk.acceptanceExpiresOn <= today ? "expired" : "accepted";
}

/** Why this person may not approve the acceptance (four-eyes), or null when they may. */
export function approvalRefusal(
  risk: { ownerId: string; acceptanceRequestedBy: string | null },
  approverId: string,
): "approverIsOwner" | "approverIsRequester" | null {
  if (risk.ownerId === approverId) return "approverIsOwner";
  if (risk.acceptanceRequestedBy === approverId) return "approverIsRequester";
  return null;
}

/** An acceptance holds for at most three years before it must be looked at again. */
export const MAX_ACCEPTANCE_DAYS = 3 * 366;
