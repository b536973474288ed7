import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { incidentClockAlerts, incidents } from "@/db/schema";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { clockContextOf, clockMarksOf } from "./clock-context";
import { emailPassedClock } from "./clock-notice";
import { incidentClocks } from "./clocks";
import { openStatuses } from "./transitions";

/**
 * Records each clock of an open incident that has passed unmet, once: the alert row is what the
 * assignee's and the officers' My tasks show until the clock is marked, its audit event names the
 * rule, and the same people get an email through the outbox. A drill is timed and shown like a
 * real incident but never notifies anyone: no email. Returns the alerts written this run.
 */
export async function alertPassedClocks(
  { tx, orgId, audit }: TenantContext,
  now = new Date(),
): Promise<Array<{ incidentId: string; ruleKey: string }>> {
  const open = await tx
    .select()
    .from(incidents)
    .where(and(eq(incidents.orgId, orgId), inArray(incidents.status, [...openStatuses])));
  if (open.length === 0) return [];
  const context = await clockContextOf(tx, orgId);
  const marks = await clockMarksOf(
    tx,
    orgId,
    open.map((i) => i.id),
  );
  const written: Array<{ incidentId: string; ruleKey: string }> = [];
  for (const incident of open) {
    const passed = incidentClocks(
      context.rules,
      incident,
      context.settings,
      marks.get(incident.id) ?? new Map(),
      now,
      context.calendar,
    ).filter((c) => c.state === "passed");
    for (const clock of passed) {
      const [row] = await tx
        .insert(incidentClockAlerts)
        .values({ orgId, incidentId: incident.id, ruleKey: clock.rule.key, dueAt: clock.dueAt! })
        .onConflictDoNothing()
        .returning({ ruleKey: incidentClockAlerts.ruleKey });
      if (!row) continue;
      const emailed = incident.drill ? 0 : await emailPassedClock(tx, orgId, incident, clock);
      await audit({
        action: "incident.clock_passed",
        targetType: "incident",
        targetId: incident.id,
        details: { rule: clock.rule.key, drill: incident.drill, emailed },
      });
      written.push({ incidentId: incident.id, ruleKey: clock.rule.key });
    }
  }
  return written;
}
