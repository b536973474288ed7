import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { customers } from "@/db/schema";

/**
 * How many individuals' information the vault holds (erased customers left out). A full count:
 * for the daily control job, never a page (a page reads the job's stored figure).
 */
export async function individualsInVault(tx: Tx, orgId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), ne(customers.status, "erased")));
  return row.n;
}
