import "server-only";
import type { Tx } from "@/db/client";
import { frequentActors, type FrequentActor } from "@/lib/core/audit/frequent-actors";
import { UNUSUAL_LOOKUPS } from "@/lib/customers/lookup-limits";

/** People whose customer lookups in the last `UNUSUAL_LOOKUPS.windowHours` reached the threshold. */
export async function unusualLookups(
  tx: Tx,
  orgId: string,
  now = new Date(),
): Promise<FrequentActor[]> {
  const since = new Date(now.getTime() - UNUSUAL_LOOKUPS.windowHours * 3600_000);
  return frequentActors(tx, orgId, "customer.looked_up", {
    since,
    until: now,
    threshold: UNUSUAL_LOOKUPS.threshold,
  });
}
