import type { CustomerLaw } from "@/db/schema/customers";
import type { ClockTerms, RequestType } from "@/db/schema/requests";

/** How a period is counted: PRC working days, plain business days (Mon–Fri), calendar days or months. */
export type ClockUnit = "working_days" | "business_days" | "calendar_days" | "months";
export interface Period {
  amount: number;
  unit: ClockUnit;
}

export interface ClockRule {
  /** Names the rule's sentence in messages (requests.clock.rules.<key>), the basis pages show. */
  key: "PIPL" | "PIPL_custom" | "GDPR" | "CCPA" | "CCPA_opt_out" | "CCPA_limit";
  /** The instant the response clock starts from. */
  startsAt: "received" | "verified";
  respond: Period;
  /** Acknowledge receipt within this (CCPA). */
  acknowledge?: Period;
  /** One extension, added to the original period; it must be decided within `decideWithin` of the start. */
  extension?: Period & {
    decideWithin?: Period;
    reasonRequired: boolean;
    requesterNotified: boolean;
  };
  /** The unit "days left" are counted and shown in, and a request is "due soon" in (≤ 3 of them left). */
  dueSoonUnit: Exclude<ClockUnit, "months">;
  source: string;
}

/**
 * Each law's clock dates receipt in its own zone: the date a request "was received" is the date
 * where that law's authority sits. GDPR's is the organisation's EU establishment (a setting).
 */
export const lawTimeZones: Record<Exclude<CustomerLaw, "GDPR">, string> = {
  PIPL: "Asia/Shanghai",
  CCPA: "America/Los_Angeles",
};
/** Zones of the EEA capitals (and Europe's other zones inside the EEA) an EU establishment can sit in. */
export const gdprTimeZones = [
  "Europe/Amsterdam",
  "Europe/Athens",
  "Europe/Berlin",
  "Europe/Bratislava",
  "Europe/Brussels",
  "Europe/Bucharest",
  "Europe/Budapest",
  "Europe/Copenhagen",
  "Europe/Dublin",
  "Europe/Helsinki",
  "Europe/Lisbon",
  "Europe/Ljubljana",
  "Europe/Luxembourg",
  "Europe/Madrid",
  "Europe/Malta",
  "Europe/Oslo",
  "Europe/Paris",
  "Europe/Prague",
  "Europe/Riga",
  "Europe/Rome",
  "Europe/Sofia",
  "Europe/Stockholm",
  "Europe/Tallinn",
  "Europe/Vaduz",
  "Europe/Vienna",
  "Europe/Vilnius",
  "Europe/Warsaw",
  "Europe/Zagreb",
  "Asia/Nicosia",
  "Atlantic/Reykjavik",
  "Atlantic/Azores",
  "Atlantic/Canary",
  "Atlantic/Madeira",
] as const;

export function timeZoneOf(law: CustomerLaw, terms: Pick<ClockTerms, "gdprTimeZone">): string {
  return law === "GDPR" ? terms.gdprTimeZone : lawTimeZones[law];
}

/**
 * Data-subject request clocks per law, as data a compliance officer can read
 * (../shared/reference/regulatory-facts.md). PIPL's period is the organisation's (see
 * `piplPeriodLimits`); the rule here carries its default.
 */
export const clockRules: Record<CustomerLaw, ClockRule> = {
  PIPL: {
    key: "PIPL",
    startsAt: "verified",
    respond: { amount: 15, unit: "working_days" },
    dueSoonUnit: "working_days",
    source:
      "PIPL Art. 50 (handle requests in time; a refusal gives its reasons): 15 working days after identity verification, the period platforms commit to (GB/T 35273-2020 §8.7 allows up to 30 days)",
  },
  GDPR: {
    key: "GDPR",
    startsAt: "received",
    respond: { amount: 1, unit: "months" },
    extension: {
      amount: 2,
      unit: "months",
      decideWithin: { amount: 1, unit: "months" },
      reasonRequired: true,
      requesterNotified: true,
    },
    dueSoonUnit: "business_days",
    source:
      "GDPR Art. 12(3): one month from receipt, extendable by two further months with reasons given within the first month",
  },
  CCPA: {
    key: "CCPA",
    startsAt: "received",
    respond: { amount: 45, unit: "calendar_days" },
    acknowledge: { amount: 10, unit: "business_days" },
    extension: { amount: 45, unit: "calendar_days", reasonRequired: true, requesterNotified: true },
    dueSoonUnit: "calendar_days",
    source:
      "11 CCR §7021: acknowledge within 10 business days, respond within 45 calendar days, one 45-day extension with notice",
  },
};

/** Request types whose clock differs from their law's general one. */
export const typeClockRules: Partial<Record<CustomerLaw, Partial<Record<RequestType, ClockRule>>>> =
  {
    CCPA: {
      opt_out_sale_sharing: {
        key: "CCPA_opt_out",
        startsAt: "received",
        respond: { amount: 15, unit: "business_days" },
        dueSoonUnit: "business_days",
        source:
          "11 CCR §7026(f): stop selling and sharing no later than 15 business days from receiving the request to opt out",
      },
      limit_sensitive: {
        key: "CCPA_limit",
        startsAt: "received",
        respond: { amount: 15, unit: "business_days" },
        dueSoonUnit: "business_days",
        source:
          "11 CCR §7027(e): stop using and disclosing sensitive personal information beyond the permitted purposes no later than 15 business days from receiving the request to limit",
      },
    },
  };

export type PiplPeriodUnit = ClockTerms["piplPeriod"]["unit"];
export interface PiplPeriodLimit {
  max: Record<PiplPeriodUnit, number>;
  source: string;
}

const piplAnswer: PiplPeriodLimit = {
  // 15 PRC working days end within 30 calendar days from every start date (proved on the 2026
  // calendar in clock-rules.test.ts); 16 would not always.
  max: { working_days: 15, calendar_days: 30 },
  source: "GB/T 35273-2020 §8.7: answer within 30 days",
};
const piplCancellation: PiplPeriodLimit = {
  // 15 calendar days never end after 15 working days.
  max: { working_days: 15, calendar_days: 15 },
  source:
    "15 working days: the limit Chinese rules set for account cancellation and erasure (and complaints)",
};

/** How far an organisation may set the PIPL period per request type (types PIPL offers). */
export const piplPeriodLimits: Partial<Record<RequestType, PiplPeriodLimit>> = {
  access: piplAnswer,
  portability: piplAnswer,
  rectification: piplAnswer,
  restriction: piplAnswer,
  objection: piplAnswer,
  withdraw_consent: piplAnswer,
  question: piplAnswer,
  erasure: piplCancellation,
  account_cancellation: piplCancellation,
};

export const DEFAULT_PIPL_PERIOD: ClockTerms["piplPeriod"] = { amount: 15, unit: "working_days" };

/** The longest PIPL period an organisation may set for `type` in `unit` (0: PIPL does not offer the type). */
export const piplPeriodMax = (type: RequestType, unit: PiplPeriodUnit): number =>
  piplPeriodLimits[type]?.max[unit] ?? 0;

/** The clock a law runs for a request type on the terms set at receipt. */
export function clockRuleFor(
  law: CustomerLaw,
  type: RequestType,
  terms: Pick<ClockTerms, "piplPeriod">,
): ClockRule {
  const rule = typeClockRules[law]?.[type] ?? clockRules[law];
  if (law !== "PIPL") return rule;
  const { amount, unit } = terms.piplPeriod;
  if (amount === rule.respond.amount && unit === rule.respond.unit) return rule;
  const limit = piplPeriodLimits[type];
  return {
    ...rule,
    key: "PIPL_custom",
    respond: { amount, unit },
    dueSoonUnit: unit,
    source: `PIPL Art. 50 (handle requests in time; a refusal gives its reasons): ${amount} ${unit === "working_days" ? "working" : "calendar"} days after identity verification, the organisation's period${limit ? ` (${limit.source})` : ""}`,
  };
}

export const DUE_SOON_THRESHOLD = 3;
