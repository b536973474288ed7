import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { incidentClockMarks, incidentClockRules, incidentSettings } from "@/db/schema";
import { workingCalendarOf } from "@/lib/requests/calendar-store";
import type { WorkingCalendar } from "@/lib/requests/working-calendar";
import { referenceClockRules, type IncidentClockRule } from "./clock-rules";
import type { ClockMark, ClockSettings } from "./clocks";

export const defaultIncidentSettings: ClockSettings = { ciiOperator: false, piplTargetHours: 24 };

export interface ClockContext {
  rules: IncidentClockRule[];
  settings: ClockSettings;
  calendar: WorkingCalendar;
}

type RuleRow = typeof incidentClockRules.$inferSelect;

/** An organisation's own rule, in the shape of the reference ones (law, recipient and checklist in words). */
export const ownRule = (row: RuleRow): IncidentClockRule => ({
  key: row.key,
  reference: false,
  law: row.law,
  recipient: row.recipient,
  trigger: row.trigger,
  period:
    row.periodAmount !== null && row.periodUnit !== null
      ? { amount: row.periodAmount, unit: row.periodUnit }
      : null,
  start: row.startEvent,
  checklist: row.checklist,
  source: row.source,
  inForceFrom: row.inForceFrom,
});

export async function incidentSettingsOf(tx: Tx, orgId: string): Promise<ClockSettings> {
  const [row] = await tx
    .select({
      ciiOperator: incidentSettings.ciiOperator,
      piplTargetHours: incidentSettings.piplTargetHours,
    })
    .from(incidentSettings)
    .where(eq(incidentSettings.orgId, orgId));
  return row ?? defaultIncidentSettings;
}

export async function ownClockRules(tx: Tx, orgId: string): Promise<RuleRow[]> {
  return tx
    .select()
    .from(incidentClockRules)
    .where(eq(incidentClockRules.orgId, orgId))
    .orderBy(incidentClockRules.createdAt);
}

/** The reference rules and the organisation's own, its settings and its PRC working calendar. */
export async function clockContextOf(tx: Tx, orgId: string): Promise<ClockContext> {
  const own = await ownClockRules(tx, orgId);
  return {
    rules: [...referenceClockRules, ...own.map(ownRule)],
    settings: await incidentSettingsOf(tx, orgId),
    calendar: await workingCalendarOf(tx, orgId),
  };
}

/** Each incident's stopped clocks, by rule key. */
export async function clockMarksOf(
  tx: Tx,
  orgId: string,
  incidentIds: string[],
): Promise<Map<string, Map<string, ClockMark>>> {
  const out = new Map<string, Map<string, ClockMark>>();
  if (incidentIds.length === 0) return out;
  const rows = await tx
    .select()
    .from(incidentClockMarks)
    .where(
      and(eq(incidentClockMarks.orgId, orgId), inArray(incidentClockMarks.incidentId, incidentIds)),
    );
  for (const row of rows) {
    const marks = out.get(row.incidentId) ?? new Map<string, ClockMark>();
    marks.set(row.ruleKey, { outcome: row.outcome, at: row.at, reason: row.reason });
    out.set(row.incidentId, marks);
  }
  return out;
}
