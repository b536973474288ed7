/**
 * When a version whose effective date is still ahead is published by hand: made effective today
 * (after the person confirmed the date change), or left for the daily job to publish on its date.
 * A version is never public before it is in force.
 */
export const publishTimings = ["effective_today", "on_effective_date"] as const;
export type PublishTiming = (typeof publishTimings)[number];
