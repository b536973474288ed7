import "server-only";
import { and, eq, gte, sql, type AnyColumn } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { incidentClockAlerts, incidentClockMarks, incidents } from "@/db/schema";

const notDrill = (orgId: AnyColumn, incidentId: AnyColumn) =>
  sql`not exists (select 1 from ${incidents} i where i.org_id = ${orgId} and i.id = ${incidentId} and i.drill)`;

/**
 * The breach-clock record since `since` (drills left out): clocks stopped in time by a report or
 * notice, and clocks that passed before being stopped (the alert job writes one row for each). A
 * clock that passed and was recorded later counts as passed, not as met.
 */
export async function clockRecord(tx: Tx, orgId: string, since: Date) {
  const m = incidentClockMarks;
  const a = incidentClockAlerts;
  const [marks] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(m)
    .where(
      and(
        eq(m.orgId, orgId),
        gte(m.at, since),
        notDrill(m.orgId, m.incidentId),
        sql`not exists (select 1 from ${a} x where x.org_id = ${m.orgId} and x.incident_id = ${m.incidentId} and x.rule_key = ${m.ruleKey})`,
      ),
    );
  const [passed] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(a)
    .where(and(eq(a.orgId, orgId), gte(a.dueAt, since), notDrill(a.orgId, a.incidentId)));
  return { metInTime: marks.n, passed: passed.n };
}
