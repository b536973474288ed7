import type { DpaStatus, ReviewState } from "@/db/schema/vendors";
import { addDays } from "@/lib/core/dates";

/** A review or DPA expiry this many days away (or fewer) needs attention now. */
export const WARNING_DAYS = 30;

export interface FlagInput {
  nextReviewOn: string;
  dpaStatus: DpaStatus;
  dpaExpiresOn: string | null;
}

export interface Flags {
  reviewState: ReviewState;
  dpaStatus: DpaStatus;
  dpaExpiring: boolean;
}

/**
 * A vendor's review and DPA flags on a given day. The daily job and every save use this one rule,
 * so a vendor saved today shows the same flags the job would give it tonight.
 */
export function flagsOn(vendor: FlagInput, today: string): Flags {
  const warnUntil = addDays(today, WARNING_DAYS);
  const reviewState: ReviewState =
    vendor.nextReviewOn < today ? "overdue" : vendor.nextReviewOn <= warnUntil ? "due" : "ok";
  const lapsed =
    vendor.dpaStatus === "signed" && vendor.dpaExpiresOn !== null && vendor.dpaExpiresOn < today;
  const dpaStatus: DpaStatus = lapsed ? "expired" : vendor.dpaStatus;
  const dpaExpiring =
    dpaStatus === "signed" && vendor.dpaExpiresOn !== null && vendor.dpaExpiresOn <= warnUntil;
  return { reviewState, dpaStatus, dpaExpiring };
}
