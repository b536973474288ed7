import type {
  ClockOutcome,
  GdprRiskLevel,
  IncidentClassification,
  IncidentGrade,
  IncidentStatus,
} from "@/db/schema/incidents";
import type { CustomerLaw } from "@/db/schema/customers";
import { addDays, todayIso } from "@/lib/core/dates";
import { addPeriod } from "@/lib/requests/deadline";
import type { WorkingCalendar } from "@/lib/requests/working-calendar";
import type { IncidentClockRule } from "./clock-rules";
import { gradeRank } from "./grading";

/** What decides which clocks apply and when they start. */
export interface ClockFacts {
  status: IncidentStatus;
  classification: IncidentClassification | null;
  grade: IncidentGrade | null;
  proposedGrade: IncidentGrade | null;
  affectedLaws: readonly CustomerLaw[];
  gdprRisk: GdprRiskLevel | null;
  californiaResidents: number | null;
  discoveredAt: Date;
  triagedAt: Date | null;
  containedAt: Date | null;
}

export interface ClockSettings {
  ciiOperator: boolean;
  piplTargetHours: number;
}
export interface ClockMark {
  outcome: ClockOutcome;
  at: Date;
  reason: string | null;
}

export type ClockState = "running" | "passed" | "done" | "waived" | "not_started" | "undue_delay";
export type ClockTone = "green" | "amber" | "red" | "neutral";

export interface IncidentClock {
  rule: IncidentClockRule;
  state: ClockState;
  tone: ClockTone;
  startsAt: Date | null;
  dueAt: Date | null;
  /** Hours from now to the due time, rounded down; negative once passed. */
  hoursLeft: number | null;
  mark: ClockMark | null;
  /** Done after the due time. */
  late: boolean;
  /** The period in force (a target's is the organisation's setting). */
  period: IncidentClockRule["period"];
}

/** Amber when no more than this share of the period is left. */
export const AMBER_SHARE = 0.25;
const HOUR = 3_600_000;

/**
 * Whether a rule's clock runs on the incident. A report not yet classified counts as a possible
 * personal-information breach (PIPL Art. 57 covers leaks that "may happen"); a grade not yet
 * confirmed is read from the proposal; a GDPR risk not yet assessed counts as a risk.
 */
export function ruleApplies(
  rule: IncidentClockRule,
  facts: ClockFacts,
  settings: ClockSettings,
): boolean {
  const t = rule.trigger;
  if (facts.status === "dismissed" || facts.classification === "not_incident") return false;
  if (
    t.classifications &&
    facts.classification !== null &&
    !t.classifications.includes(facts.classification)
  )
    return false;
  if (t.minGrade) {
    const grade = facts.grade ?? facts.proposedGrade;
    if (grade === null || gradeRank(grade) < gradeRank(t.minGrade)) return false;
  }
  if (t.law && !facts.affectedLaws.includes(t.law)) return false;
  if (t.gdprRisks && !t.gdprRisks.includes(facts.gdprRisk ?? "risk")) return false;
  if (t.ciiOperator !== undefined && t.ciiOperator !== settings.ciiOperator) return false;
  if (
    t.californiaResidentsOver !== undefined &&
    !((facts.californiaResidents ?? 0) > t.californiaResidentsOver)
  )
    return false;
  return true;
}

function startOf(
  rule: IncidentClockRule,
  facts: ClockFacts,
  marks: ReadonlyMap<string, ClockMark>,
): Date | null {
  if (rule.start === "discovered") return facts.discoveredAt;
  if (rule.start === "triaged") return facts.triagedAt;
  if (rule.start === "contained") return facts.containedAt;
  const other = marks.get(rule.start.slice("met:".length));
  return other?.outcome === "done" ? other.at : null;
}

export function periodOf(
  rule: IncidentClockRule,
  settings: ClockSettings,
): IncidentClockRule["period"] {
  if (rule.target === "piplTargetHours") return { amount: settings.piplTargetHours, unit: "hours" };
  return rule.period;
}

/** Hours are exact; calendar days are whole days of 24 hours; PRC working days end at midnight Beijing time of the last one. */
export function dueAfter(
  start: Date,
  period: NonNullable<IncidentClockRule["period"]>,
  calendar: WorkingCalendar,
): Date {
  if (period.unit === "hours") return new Date(start.getTime() + period.amount * HOUR);
  if (period.unit === "calendar_days") return new Date(start.getTime() + period.amount * 24 * HOUR);
  const last = addPeriod(
    todayIso(start),
    { amount: period.amount, unit: "working_days" },
    calendar,
    () => false,
  ).date;
  return new Date(`${addDays(last, 1)}T00:00:00+08:00`);
}

/** One clock's state at `now`. */
export function clockOf(
  rule: IncidentClockRule,
  facts: ClockFacts,
  settings: ClockSettings,
  marks: ReadonlyMap<string, ClockMark>,
  now: Date,
  calendar: WorkingCalendar,
): IncidentClock {
  const period = periodOf(rule, settings);
  const startsAt = startOf(rule, facts, marks);
  const dueAt = startsAt && period ? dueAfter(startsAt, period, calendar) : null;
  const mark = marks.get(rule.key) ?? null;
  const base = {
    rule,
    startsAt,
    dueAt,
    mark,
    period,
    late: Boolean(mark && dueAt && mark.outcome === "done" && mark.at > dueAt),
  };
  if (mark) return { ...base, state: mark.outcome, tone: "neutral", hoursLeft: null };
  if (!startsAt) return { ...base, state: "not_started", tone: "neutral", hoursLeft: null };
  if (!dueAt || !period) return { ...base, state: "undue_delay", tone: "amber", hoursLeft: null };
  const left = dueAt.getTime() - now.getTime();
  const hoursLeft = Math.floor(left / HOUR);
  if (left <= 0) return { ...base, state: "passed", tone: "red", hoursLeft };
  const whole = dueAt.getTime() - startsAt.getTime();
  return {
    ...base,
    state: "running",
    tone: left <= whole * AMBER_SHARE ? "amber" : "green",
    hoursLeft,
  };
}

/** Every clock that applies to the incident, the nearest due first (those without a due time last). */
export function incidentClocks(
  rules: readonly IncidentClockRule[],
  facts: ClockFacts,
  settings: ClockSettings,
  marks: ReadonlyMap<string, ClockMark>,
  now: Date,
  calendar: WorkingCalendar,
): IncidentClock[] {
  return rules
    .filter((rule) => ruleApplies(rule, facts, settings))
    .map((rule) => clockOf(rule, facts, settings, marks, now, calendar))
    .sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
}

/** The clock still to be met that is due first, if any. */
export function nearestOpenClock(clocks: readonly IncidentClock[]): IncidentClock | undefined {
  return clocks.find((c) => c.state === "running" || c.state === "passed");
}
