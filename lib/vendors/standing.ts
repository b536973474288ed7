import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { vendors } from "@/db/schema";

/**
 * Active vendors, and how many are in good standing: a signed agreement (DPA / entrustment
 * agreement) and a review that is not overdue.
 */
export async function vendorStanding(tx: Tx, orgId: string) {
  const [row] = await tx
    .select({
      active: sql<number>`count(*)`.mapWith(Number),
      inOrder:
        sql<number>`count(*) filter (where ${vendors.dpaStatus} = 'signed' and ${vendors.reviewState} <> 'overdue')`.mapWith(
          Number,
        ),
      reviewsOverdue:
        sql<number>`count(*) filter (where ${vendors.reviewState} = 'overdue')`.mapWith(Number),
      dpaMissing: sql<number>`count(*) filter (where ${vendors.dpaStatus} <> 'signed')`.mapWith(
        Number,
      ),
    })
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), isNull(vendors.archivedAt)));
  return row;
}
