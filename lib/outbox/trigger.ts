import "server-only";
import { enqueue } from "@/lib/core/jobs/worker";
import { log } from "@/lib/core/log/logger";

/**
 * Asks the worker to deliver an organisation's messages now; call after the commit. A failure to
 * send the job only delays delivery until the next minute's run, so it is logged, not thrown.
 * (Its own module: the job registry imports the job, and the worker imports the registry.)
 */
export async function triggerDelivery(orgId: string): Promise<void> {
  try {
    await enqueue("message-delivery", { orgId });
  } catch (error) {
    log.error({ err: error }, "could not trigger message delivery");
  }
}
