import { addDays, addMonths } from "@/lib/core/dates";
import { DUE_SOON_THRESHOLD, type ClockRule, type ClockUnit, type Period } from "./clock-rules";
import { provisionalCounter } from "./provisional-calendar";
import { WorkingCalendar } from "./working-calendar";

/** The clock stops on `from` and runs again on `to` (the day the requester answered); open while `to` is null. */
export interface Pause {
  from: string;
  to: string | null;
}

export interface ClockInput {
  /** The clock's rule (clockRuleFor: the law's, the request type's, the organisation's PIPL period). */
  rule: ClockRule;
  /** The receipt date in the rule's law's zone. */
  receivedOn: string;
  verifiedOn: string | null;
  pauses: Pause[];
  extended: boolean;
  today: string;
}

export type SlaState = "not_started" | "on_track" | "due_soon" | "overdue" | "paused";

export interface Clock {
  state: SlaState;
  /** The day the clock started (null while a PIPL request waits for identity verification). */
  startsOn: string | null;
  dueOn: string | null;
  /** The original due date: an extension must be decided (and the requester told) by then. */
  extensionDecideBy: string | null;
  acknowledgeBy: string | null;
  /** Whole days of the due-soon unit left after today; negative when overdue. */
  remaining: number | null;
  /** A date fell in a year with no published working calendar: counted provisionally (never later than the true date). */
  provisional: boolean;
}

/** Pauses as closed day ranges, an open pause running through `today`. */
function pausedDays(pauses: Pause[], today: string): (day: string) => boolean {
  const ranges = pauses.map((p) => ({ from: p.from, until: p.to ?? addDays(today, 1) }));
  return (day) => ranges.some((r) => day >= r.from && day < r.until);
}

interface Counted {
  date: string;
  provisional: boolean;
}

/** The day `period` ends when counted from `start` (exclusive), skipping paused days. */
export function addPeriod(
  start: string,
  period: Period,
  calendar: WorkingCalendar,
  isPaused: (day: string) => boolean,
): Counted {
  if (period.unit === "months") {
    const base = addMonths(start, period.amount);
    let extra = 0;
    for (let day = addDays(start, 1); day <= addDays(base, extra); day = addDays(day, 1))
      if (isPaused(day)) extra += 1;
    return { date: addDays(base, extra), provisional: false };
  }
  let day = start;
  let provisional = false;
  const unpublished = provisionalCounter();
  for (let counted = 0; counted < period.amount;) {
    day = addDays(day, 1);
    if (isPaused(day)) continue;
    if (period.unit === "working_days" && !calendar.covers(day)) {
      provisional = true;
      if (unpublished.counts(day)) counted += 1;
    } else if (countsAs(period.unit, day, calendar)) counted += 1;
  }
  return { date: day, provisional };
}

function countsAs(unit: ClockUnit, day: string, calendar: WorkingCalendar): boolean {
  if (unit === "calendar_days") return true;
  return (unit === "working_days" ? calendar : WorkingCalendar.weekdays()).isWorkingDay(day);
}

/** Days of `unit` after `from` up to and including `to`; negative when `to` is before `from`. */
export function daysBetween(
  from: string,
  to: string,
  unit: ClockUnit,
  calendar: WorkingCalendar,
): number {
  const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let n = 0;
  for (let day = addDays(low, 1); day <= high; day = addDays(day, 1)) {
    if (unit === "calendar_days" || unit === "months" || countsAs(unit, day, calendar)) n += 1;
  }
  return sign * n;
}

/**
 * A request's deadline clock under one law's rule: PIPL counts 15 PRC working days (or the
 * organisation's period) from identity verification; GDPR one calendar month from receipt (+2 with
 * an extension); CCPA 45 calendar days (+45) with acknowledgement within 10 business days, or 15
 * business days for opt-out and limit requests. Paused days do not count.
 */
export function requestClock(input: ClockInput, calendar: WorkingCalendar): Clock {
  const { rule } = input;
  const acknowledgeBy = rule.acknowledge
    ? addPeriod(input.receivedOn, rule.acknowledge, calendar, () => false).date
    : null;
  const startsOn = rule.startsAt === "verified" ? input.verifiedOn : input.receivedOn;
  if (!startsOn) {
    return {
      state: "not_started",
      startsOn: null,
      dueOn: null,
      extensionDecideBy: null,
      acknowledgeBy,
      remaining: null,
      provisional: false,
    };
  }
  const isPaused = pausedDays(input.pauses, input.today);
  const original = addPeriod(startsOn, rule.respond, calendar, isPaused);
  const due =
    input.extended && rule.extension
      ? addPeriod(
          startsOn,
          { amount: rule.respond.amount + rule.extension.amount, unit: rule.respond.unit },
          calendar,
          isPaused,
        )
      : original;
  const remaining = daysBetween(input.today, due.date, rule.dueSoonUnit, calendar);
  const paused = input.pauses.some((p) => p.to === null);
  const state: SlaState =
    input.today > due.date
      ? "overdue"
      : paused
        ? "paused"
        : remaining <= DUE_SOON_THRESHOLD
          ? "due_soon"
          : "on_track";
  return {
    state,
    startsOn,
    dueOn: due.date,
    extensionDecideBy: rule.extension ? original.date : null,
    acknowledgeBy,
    remaining,
    provisional: original.provisional || due.provisional,
  };
}
