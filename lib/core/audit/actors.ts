import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { sortByName } from "@/lib/core/i18n/collate";

/** Members of the organisation (current and former) as filter choices for the audit log. */
export async function auditActorOptions(tx: Tx): Promise<Array<{ id: string; name: string }>> {
  // RLS scopes memberships to the organisation of `tx`.
  return sortByName(
    await tx
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .orderBy(asc(users.id)),
  );
}
