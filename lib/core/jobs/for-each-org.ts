import "server-only";
import { organizations } from "@/db/schema";
import { withoutTenant } from "@/db/tenant";
import type { AuditActor } from "@/lib/core/audit/record";
import { inTenant, type TenantContext } from "@/lib/core/tenancy/context";
import { log } from "@/lib/core/log/logger";

/**
 * Runs a scheduled task once per organisation, each in its own tenant transaction under a
 * `TenantContext` whose audit events are `actor`'s (a job's `jobActor`), as every other entry
 * point's commands run. One organisation's failure (rolled back, logged by id) does not stop the
 * others; the job then fails as a whole so the queue records it and retries.
 */
export async function forEachOrganization(
  actor: AuditActor,
  task: (ctx: TenantContext) => Promise<void>,
): Promise<number> {
  const orgs = await withoutTenant((tx) => tx.select({ id: organizations.id }).from(organizations));
  const failed: string[] = [];
  for (const { id } of orgs) {
    try {
      await inTenant(id, actor, task);
    } catch (error) {
      failed.push(id);
      log.error({ orgId: id, err: error }, "scheduled task failed for an organisation");
    }
  }
  if (failed.length > 0)
    throw new Error(`scheduled task failed for ${failed.length} of ${orgs.length} organisations`);
  return orgs.length;
}
