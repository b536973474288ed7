import type { CustomerLaw } from "@/db/schema/customers";
import type { ClockTerms, RequestType } from "@/db/schema/requests";
import { todayIso } from "@/lib/core/dates";
import { clockRuleFor, timeZoneOf, type ClockRule } from "./clock-rules";
import { requestClock, type Clock, type Pause } from "./deadline";
import type { WorkingCalendar } from "./working-calendar";

export interface LawClock extends Clock {
  law: CustomerLaw;
  rule: ClockRule;
  /** The zone this law dates receipt in, and the receipt date there. */
  timeZone: string;
  receivedOn: string;
  /** This is the clock that governs the request (due first). */
  governing: boolean;
}

export interface ClocksInput {
  /** The laws whose clocks run (the request's `laws`: never empty). */
  laws: readonly CustomerLaw[];
  type: RequestType;
  receivedAt: Date;
  terms: ClockTerms;
  verifiedOn: string | null;
  pauses: Pause[];
  extended: boolean;
  today: string;
}

/** The date of `instant` in `timeZone`: where a law dates a request's receipt. */
export const receiptDate = (instant: Date, timeZone: string) => todayIso(instant, timeZone);

/**
 * Every clock that runs on a request: one per law that applies to the customer and offers the
 * request's type (decided at intake), each counted from the receipt date in its law's zone. The earliest due date
 * governs (first in `laws` on a tie); while no clock has started, the first one does.
 */
export function requestClocks(
  input: ClocksInput,
  calendar: WorkingCalendar,
): { clocks: LawClock[]; governing: LawClock } {
  const clocks = input.laws.map((law) => {
    const rule = clockRuleFor(law, input.type, input.terms);
    const timeZone = timeZoneOf(law, input.terms);
    const receivedOn = receiptDate(input.receivedAt, timeZone);
    const clock = requestClock(
      {
        rule,
        receivedOn,
        verifiedOn: input.verifiedOn,
        pauses: input.pauses,
        extended: input.extended,
        today: input.today,
      },
      calendar,
    );
    return { ...clock, law, rule, timeZone, receivedOn, governing: false };
  });
  const started = clocks.filter((c) => c.dueOn !== null);
  const governing =
    started.reduce<LawClock | undefined>(
      (best, c) => (!best || c.dueOn! < best.dueOn! ? c : best),
      undefined,
    ) ?? clocks[0];
  governing.governing = true;
  return { clocks, governing };
}

/** The earliest acknowledgement date any clock asks for. */
export function acknowledgeByOf(clocks: readonly LawClock[]): string | null {
  return clocks.reduce<string | null>(
    (first, c) =>
      c.acknowledgeBy && (!first || c.acknowledgeBy < first) ? c.acknowledgeBy : first,
    null,
  );
}
