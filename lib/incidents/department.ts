import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { incidents } from "@/db/schema";
import { openStatuses } from "./transitions";
import { visibleIncidents, type Viewer } from "./visibility";

/**
 * Open incidents reported from a department, within what the viewer may see of incidents
 * (visibility.ts: a manager their own department's, officers and auditors all): its page's list.
 */
export async function openIncidentsOfDepartment(
  tx: Tx,
  orgId: string,
  viewer: Viewer,
  departmentId: string,
) {
  return tx
    .select({
      id: incidents.id,
      reference: incidents.reference,
      summary: incidents.summary,
      status: incidents.status,
      discoveredAt: incidents.discoveredAt,
      drill: incidents.drill,
    })
    .from(incidents)
    .where(
      and(
        eq(incidents.orgId, orgId),
        eq(incidents.departmentId, departmentId),
        inArray(incidents.status, [...openStatuses]),
        await visibleIncidents(tx, orgId, viewer),
      ),
    )
    .orderBy(desc(incidents.discoveredAt))
    .limit(50);
}
