import "server-only";
import { and, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { vendors } from "@/db/schema";

export type Vendor = typeof vendors.$inferSelect;

export async function getVendor(tx: Tx, orgId: string, id: string): Promise<Vendor | undefined> {
  const [row] = await tx
    .select()
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), eq(vendors.id, id)));
  return row;
}

const countWhere = (condition: SQL) =>
  sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

/**
 * The overview's numbers over active vendors, in one pass. A vendor register is small (tens to
 * hundreds per organisation), so counting here is cheap, unlike counting audit events.
 */
export async function vendorSummary(tx: Tx, orgId: string) {
  const [row] = await tx
    .select({
      total: sql<number>`count(*)`.mapWith(Number),
      low: countWhere(eq(vendors.riskTier, "low")),
      medium: countWhere(eq(vendors.riskTier, "medium")),
      high: countWhere(eq(vendors.riskTier, "high")),
      critical: countWhere(eq(vendors.riskTier, "critical")),
      reviewsDue: countWhere(eq(vendors.reviewState, "due")),
      reviewsOverdue: countWhere(eq(vendors.reviewState, "overdue")),
      dpaMissing: countWhere(sql`${vendors.dpaStatus} in ('none', 'draft', 'expired')`),
      dpaExpiring: countWhere(eq(vendors.dpaExpiring, true)),
      crossBorder: countWhere(eq(vendors.crossBorder, true)),
    })
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), isNull(vendors.archivedAt)));
  return row;
}

/** How many vendors, archived ones included, name this department as their owner. */
export async function countVendorsOwnedBy(
  tx: Tx,
  orgId: string,
  departmentId: string,
): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), eq(vendors.ownerDepartmentId, departmentId)));
  return row.n;
}

/** Active vendors for a picker (an assessment's tester, a risk's vendors), by name. */
export async function vendorOptions(
  tx: Tx,
  orgId: string,
): Promise<Array<{ id: string; name: string }>> {
  return tx
    .select({ id: vendors.id, name: vendors.name })
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), isNull(vendors.archivedAt)))
    .orderBy(vendors.name, vendors.id);
}

/**
 * Active vendors with what they do and where they are (and `alsoId`'s, archived or not, so a
 * record naming it still shows it): the systems form and the data map.
 */
export async function vendorPlaces(
  tx: Tx,
  orgId: string,
  alsoId?: string | null,
): Promise<Array<{ id: string; name: string; service: string; country: string }>> {
  return tx
    .select({
      id: vendors.id,
      name: vendors.name,
      service: vendors.service,
      country: vendors.country,
    })
    .from(vendors)
    .where(
      and(
        eq(vendors.orgId, orgId),
        alsoId
          ? or(isNull(vendors.archivedAt), eq(vendors.id, alsoId))
          : isNull(vendors.archivedAt),
      ),
    );
}
