import "server-only";
import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { incidents, memberships, organizations, users, vendors } from "@/db/schema";
import { permissionMap } from "@/lib/core/authz/permissions";
import { sortByName } from "@/lib/core/i18n/collate";
import { afterCursor, keysetOrder, pageOf } from "@/lib/core/pagination/keyset";
import type { Cursor } from "@/lib/core/pagination/cursor";
import { clockContextOf, clockMarksOf } from "./clock-context";
import { incidentClocks, nearestOpenClock, type IncidentClock } from "./clocks";
import { openStatuses } from "./transitions";
import { visibleIncidents, type Viewer } from "./visibility";

export type Incident = typeof incidents.$inferSelect;
export const INCIDENT_PAGE_SIZE = 50;

const scoped = (orgId: string, visible: SQL | undefined, ...more: Array<SQL | undefined>) =>
  and(eq(incidents.orgId, orgId), visible, ...more);

/** One incident the viewer may see, with its vendor's name and its clocks at `now`. */
export async function getIncident(
  tx: Tx,
  orgId: string,
  id: string,
  viewer: Viewer,
  now = new Date(),
) {
  const [row] = await tx
    .select({ incident: incidents, vendorName: vendors.name, reporterName: users.name })
    .from(incidents)
    .leftJoin(vendors, and(eq(vendors.orgId, incidents.orgId), eq(vendors.id, incidents.vendorId)))
    .innerJoin(users, eq(users.id, incidents.reportedBy))
    .where(scoped(orgId, await visibleIncidents(tx, orgId, viewer), eq(incidents.id, id)));
  if (!row) return undefined;
  const context = await clockContextOf(tx, orgId);
  const marks = (await clockMarksOf(tx, orgId, [id])).get(id) ?? new Map();
  return {
    ...row,
    clocks: incidentClocks(
      context.rules,
      row.incident,
      context.settings,
      marks,
      now,
      context.calendar,
    ),
    settings: context.settings,
  };
}
export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof getIncident>>>;

export interface IncidentListRow extends Incident {
  nearest: IncidentClock | undefined;
}

/** The viewer's incidents, newest reference first (keyset on the unique reference), each with its nearest open clock. */
export async function listIncidents(
  tx: Tx,
  orgId: string,
  viewer: Viewer,
  cursor?: Cursor,
  now = new Date(),
): Promise<{ rows: IncidentListRow[]; next?: Cursor }> {
  const rows = await tx
    .select()
    .from(incidents)
    .where(
      scoped(
        orgId,
        await visibleIncidents(tx, orgId, viewer),
        afterCursor(incidents.reference, incidents.id, "desc", cursor),
      ),
    )
    .orderBy(...keysetOrder(incidents.reference, incidents.id, "desc"))
    .limit(INCIDENT_PAGE_SIZE + 1);
  const page = pageOf(rows, INCIDENT_PAGE_SIZE, (r) => ({ v: r.reference, id: r.id }));
  return { ...page, rows: await withNearestClock(tx, orgId, page.rows, now) };
}

async function withNearestClock(
  tx: Tx,
  orgId: string,
  rows: Incident[],
  now: Date,
): Promise<IncidentListRow[]> {
  const open = rows.filter((r) => openStatuses.includes(r.status));
  if (open.length === 0) return rows.map((r) => ({ ...r, nearest: undefined }));
  const context = await clockContextOf(tx, orgId);
  const marks = await clockMarksOf(
    tx,
    orgId,
    open.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    nearest: openStatuses.includes(r.status)
      ? nearestOpenClock(
          incidentClocks(
            context.rules,
            r,
            context.settings,
            marks.get(r.id) ?? new Map(),
            now,
            context.calendar,
          ),
        )
      : undefined,
  }));
}

/**
 * Open incidents the viewer sees, the one whose clock is due first at the top (those with no
 * running clock after, newest first): the overview's list. Open incidents are few, so every one is read.
 */
export async function openIncidentsByNearestClock(
  tx: Tx,
  orgId: string,
  viewer: Viewer,
  now = new Date(),
): Promise<IncidentListRow[]> {
  const rows = await tx
    .select()
    .from(incidents)
    .where(
      scoped(
        orgId,
        await visibleIncidents(tx, orgId, viewer),
        inArray(incidents.status, [...openStatuses]),
      ),
    )
    .orderBy(...keysetOrder(incidents.reference, incidents.id, "desc"));
  const withClocks = await withNearestClock(tx, orgId, rows, now);
  return withClocks.sort(
    (a, b) => (a.nearest?.dueAt?.getTime() ?? Infinity) - (b.nearest?.dueAt?.getTime() ?? Infinity),
  );
}

/** Vendors a report can name (active ones). */
export async function vendorChoices(tx: Tx, orgId: string) {
  return tx
    .select({ id: vendors.id, name: vendors.name })
    .from(vendors)
    .where(eq(vendors.orgId, orgId))
    .orderBy(vendors.name);
}

/** Active members who manage incidents: assignees to choose from, and whom a passed clock alerts. */
export async function incidentHandlers(
  tx: Tx,
  orgId: string,
): Promise<Array<{ userId: string; name: string }>> {
  const roles = (Object.keys(permissionMap) as Array<keyof typeof permissionMap>).filter((role) =>
    permissionMap[role].includes("incidents.manage"),
  );
  return sortByName(
    await tx
      .select({ userId: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.orgId, orgId),
          isNull(memberships.deactivatedAt),
          inArray(memberships.role, roles),
        ),
      )
      .orderBy(asc(users.id)),
  );
}

/** The laws the organisation works under: the laws a first triage assumes the affected people fall under. */
export async function organizationLaws(tx: Tx, orgId: string): Promise<string[]> {
  const [row] = await tx
    .select({ jurisdictions: organizations.jurisdictions })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return row?.jurisdictions ?? [];
}
