import "server-only";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { departments, systems, vendors } from "@/db/schema";
import { sortByName } from "@/lib/core/i18n/collate";
import { departmentOptions } from "@/lib/departments/queries";
import { purposeFlows } from "@/lib/purposes/queries";
import { HOME_REGION } from "@/lib/vendors/options";
import { vendorPlaces } from "@/lib/vendors/queries";
import type { MapInput } from "./data-map";

export type System = typeof systems.$inferSelect;

/**
 * The inventory: active systems, or the archived ones, each with its department's and vendor's
 * names, sorted by name as the reader's language sorts. An inventory holds tens of systems, so it
 * is read whole.
 */
export async function listSystems(tx: Tx, orgId: string, { archived = false } = {}) {
  const rows = await tx
    .select({
      system: systems,
      departmentName: departments.name,
      vendorName: vendors.name,
    })
    .from(systems)
    .leftJoin(
      departments,
      and(eq(departments.orgId, systems.orgId), eq(departments.id, systems.ownerDepartmentId)),
    )
    .leftJoin(vendors, and(eq(vendors.orgId, systems.orgId), eq(vendors.id, systems.vendorId)))
    .where(
      and(
        eq(systems.orgId, orgId),
        archived ? isNotNull(systems.archivedAt) : isNull(systems.archivedAt),
      ),
    );
  return sortByName(
    rows.map((r) => ({ ...r.system, departmentName: r.departmentName, vendorName: r.vendorName })),
  );
}
export type SystemRow = Awaited<ReturnType<typeof listSystems>>[number];

export async function getSystem(tx: Tx, orgId: string, id: string): Promise<System | undefined> {
  const [row] = await tx
    .select()
    .from(systems)
    .where(and(eq(systems.orgId, orgId), eq(systems.id, id)));
  return row;
}

/** How many systems a department owns: a department that owns any is not deleted. */
export async function countSystemsOwnedBy(
  tx: Tx,
  orgId: string,
  departmentId: string,
): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(systems)
    .where(and(eq(systems.orgId, orgId), eq(systems.ownerDepartmentId, departmentId)));
  return row.n;
}

/**
 * What the form chooses from: departments, active vendors and purposes (plus archived ones the
 * system already names, so an edit does not drop them unseen).
 */
export async function systemFormOptions(tx: Tx, orgId: string, current?: System) {
  // One transaction client runs one query at a time: sequential awaits, no Promise.all.
  return {
    departments: await departmentOptions(tx, orgId),
    vendors: sortByName(await vendorPlaces(tx, orgId, current?.vendorId)),
    purposes: await purposeFlows(tx, orgId, current?.purposeIds),
  };
}
export type SystemFormOptions = Awaited<ReturnType<typeof systemFormOptions>>;

/** What the data map is drawn from: active systems, vendors and purposes, and the home country. */
export async function dataMapInput(tx: Tx, orgId: string): Promise<MapInput> {
  // One transaction client runs one query at a time: sequential awaits, no Promise.all.
  const systemRows = await tx
    .select({
      id: systems.id,
      name: systems.name,
      kind: systems.kind,
      country: systems.country,
      vendorId: systems.vendorId,
      dataCategories: systems.dataCategories,
      purposeIds: systems.purposeIds,
    })
    .from(systems)
    .where(and(eq(systems.orgId, orgId), isNull(systems.archivedAt)));
  const vendorRows = await vendorPlaces(tx, orgId);
  const purposeRows = await purposeFlows(tx, orgId);
  return { home: HOME_REGION, systems: systemRows, vendors: vendorRows, purposes: purposeRows };
}
