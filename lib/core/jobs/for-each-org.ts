import "server-only";
import { organizations } from "@/db/schema";
import { withoutTenant, withTenant } from "@/db/tenant";
import type { Tx } from "@/db/client";

/**
 * Runs a scheduled task once per organisation, each in its own tenant transaction. One
 * organisation's failure (rolled back, logged by id) does not stop the others; the job then fails
 * as a whole so the queue records it and retries.
 */
export async function forEachOrganization(task: (tx: Tx, orgId: string) => Promise<void>): Promise<number> {
  const orgs = await withoutTenant((tx) => tx.select({ id: organizations.id }).from(organizations));
  const failed: string[] = [];
  for (const { id } of orgs) {
    try {
      await withTenant(id, (tx) => task(tx, id));
    } catch (error) {
      failed.push(id);
      console.error("scheduled task failed for an organisation", { orgId: id, name: (error as Error).name, message: (error as Error).message });
    }
  }
  if (failed.length > 0) throw new Error(`scheduled task failed for ${failed.length} of ${orgs.length} organisations`);
  return orgs.length;
}
