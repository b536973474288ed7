import { and, eq } from "drizzle-orm";
import { departments, memberships } from "@/db/schema";
import { withTenant } from "@/db/tenant";

/** A department, headed by `headId` when given, with these members in it. */
export async function departmentWith(
  orgId: string,
  name: string,
  memberIds: string[],
  headId?: string,
): Promise<string> {
  return withTenant(orgId, async (tx) => {
    const [row] = await tx
      .insert(departments)
      .values({ orgId, name, headUserId: headId ?? null })
      .returning({ id: departments.id });
    for (const userId of memberIds)
      await tx
        .update(memberships)
        .set({ departmentId: row.id })
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    return row.id;
  });
}
