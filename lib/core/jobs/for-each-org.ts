import "server-only";
import { organizations } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import type { Tx } from "@/db/client";

/** Runs a scheduled task once per organisation, each in its own tenant transaction. */
export async function forEachOrganization(task: (tx: Tx, orgId: string) => Promise<void>): Promise<number> {
  const orgs = await withoutTenant((tx) => tx.select({ id: organizations.id }).from(organizations));
  for (const { id } of orgs) await withTenant(id, (tx) => task(tx, id));
  return orgs.length;
}
