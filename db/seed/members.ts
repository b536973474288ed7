import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, users } from "@/db/schema";

/** The member of this organisation with the address, for seed steps that name people by email. */
export async function memberIdByEmail(
  tx: Tx,
  orgId: string,
  email: string,
): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), sql`lower(${users.email}) = ${email.toLowerCase()}`));
  return row?.id;
}
