import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { orgKeys } from "@/db/schema";

/** When the organisation's primary key version was made (its last rotation), or null without one. */
export async function primaryKeyCreatedAt(tx: Tx, orgId: string): Promise<Date | null> {
  const [row] = await tx
    .select({ createdAt: orgKeys.createdAt })
    .from(orgKeys)
    .where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.status, "primary")));
  return row?.createdAt ?? null;
}
