import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { departments, type Role } from "@/db/schema";

/**
 * Whether a reader of departments may open this department's page: a manager only the
 * departments they head, everyone else who reads departments (officers, admins, auditors) all.
 * A department of another organisation is never found (the query is scoped and RLS holds it).
 */
export async function mayViewDepartment(
  tx: Tx,
  orgId: string,
  viewer: { userId: string; role: Role },
  departmentId: string,
): Promise<boolean> {
  const [row] = await tx
    .select({ headUserId: departments.headUserId })
    .from(departments)
    .where(and(eq(departments.orgId, orgId), eq(departments.id, departmentId)));
  if (!row) return false;
  return viewer.role !== "manager" || row.headUserId === viewer.userId;
}
