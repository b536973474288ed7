import "server-only";
import type { Tx } from "@/db/client";
import { forEachOrganization } from "./for-each-org";
import { jobActor } from "./job";
import { log } from "@/lib/core/log/logger";

/**
 * For sweep jobs: finds work left running in each organisation (a job lost after commit, or out
 * of retries) and resumes each item outside the finding transaction. One item's failure (logged
 * by id) does not stop the others; the sweep then fails so the queue records it.
 */
export async function resumeStalled(
  find: (tx: Tx, orgId: string) => Promise<string[]>,
  resume: (orgId: string, id: string) => Promise<unknown>,
): Promise<number> {
  const stalled: Array<{ orgId: string; id: string }> = [];
  // Finding writes nothing; each resumed item audits as its own job.
  await forEachOrganization(jobActor("stalled-work-sweep"), async ({ tx, orgId }) => {
    for (const id of await find(tx, orgId)) stalled.push({ orgId, id });
  });
  let failed = 0;
  for (const { orgId, id } of stalled) {
    try {
      await resume(orgId, id);
    } catch (error) {
      failed += 1;
      log.error({ orgId, id, err: error }, "resuming stalled work failed");
    }
  }
  if (failed > 0)
    throw new Error(`${failed} of ${stalled.length} stalled items could not be resumed`);
  return stalled.length;
}
