import "server-only";
import { and, eq, isNull, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, type Role } from "@/db/schema";

/**
 * What a reader of owned records (findings, risks) may see: everything, or — for a manager — only
 * records whose owner is in the manager's own department (none while the manager has none).
 */
export type OwnerScope = { all: true } | { all: false; departmentId: string | null };

export async function ownerScopeOf(
  tx: Tx,
  orgId: string,
  viewer: { userId: string; role: Role },
): Promise<OwnerScope> {
  if (viewer.role !== "manager") return { all: true };
  const [row] = await tx
    .select({ departmentId: memberships.departmentId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.userId, viewer.userId),
        isNull(memberships.deactivatedAt),
      ),
    );
  return { all: false, departmentId: row?.departmentId ?? null };
}

/** The condition "this owner column is in scope" for a query's WHERE clause. */
export function ownerInScope(
  orgId: AnyColumn,
  owner: AnyColumn,
  scope: OwnerScope,
): SQL | undefined {
  if (scope.all) return undefined;
  if (!scope.departmentId) return sql`false`;
  return sql`exists (select 1 from ${memberships} where ${memberships.orgId} = ${orgId} and ${memberships.userId} = ${owner} and ${memberships.departmentId} = ${scope.departmentId})`;
}
