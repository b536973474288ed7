import type { CustomerLaw } from "@/db/schema/customers";

/** How a period is counted: PRC working days, plain business days (Mon–Fri), calendar days or months. */
export type ClockUnit = "working_days" | "business_days" | "calendar_days" | "months";
export interface Period { amount: number; unit: ClockUnit }

export interface ClockRule {
  /** The instant the response clock starts from. */
  startsAt: "received" | "verified";
  respond: Period;
  /** Acknowledge receipt within this (CCPA). */
  acknowledge?: Period;
  /** One extension, added to the original period; it must be decided within `decideWithin` of the start. */
  extension?: Period & { decideWithin?: Period; reasonRequired: boolean; requesterNotified: boolean };
  /** The unit used to say a request is "due soon" (≤ 3 of them left). */
  dueSoonUnit: ClockUnit;
  source: string;
}

/**
 * Data-subject request clocks per law, as data a compliance officer can read
 * (../shared/reference/regulatory-facts.md).
 */
export const clockRules: Record<CustomerLaw, ClockRule> = {
  PIPL: {
    startsAt: "verified",
    respond: { amount: 15, unit: "working_days" },
    dueSoonUnit: "working_days",
    source: "PIPL Art. 50; GB/T 35273-2020 §8.7: 15 working days after identity verification",
  },
  GDPR: {
    startsAt: "received",
    respond: { amount: 1, unit: "months" },
    extension: { amount: 2, unit: "months", decideWithin: { amount: 1, unit: "months" }, reasonRequired: true, requesterNotified: true },
    dueSoonUnit: "business_days",
    source: "GDPR Art. 12(3): one month from receipt, extendable by two further months with reasons given within the first month",
  },
  CCPA: {
    startsAt: "received",
    respond: { amount: 45, unit: "calendar_days" },
    acknowledge: { amount: 10, unit: "business_days" },
    extension: { amount: 45, unit: "calendar_days", reasonRequired: true, requesterNotified: true },
    dueSoonUnit: "business_days",
    source: "11 CCR §7021: acknowledge within 10 business days, respond within 45 calendar days, one 45-day extension with notice",
  },
};

export const DUE_SOON_THRESHOLD = 3;
