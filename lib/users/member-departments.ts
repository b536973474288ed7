import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { departments, memberships, users } from "@/db/schema";
import { sortByName } from "@/lib/core/i18n/collate";

/** Active members with their department, by pinyin: a picker for owners who act for a department. */
export async function membersWithDepartment(tx: Tx, orgId: string) {
  return sortByName(
    await tx
      .select({
        userId: users.id,
        name: users.name,
        departmentId: memberships.departmentId,
        department: departments.name,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(
        departments,
        and(eq(departments.orgId, memberships.orgId), eq(departments.id, memberships.departmentId)),
      )
      .where(and(eq(memberships.orgId, orgId), isNull(memberships.deactivatedAt))),
  );
}
