import "server-only";
import { lt, sql } from "drizzle-orm";
import { rateLimitBuckets } from "@/db/schema";
import { withoutTenant } from "@/db/tenant";
import { pruneSignInCounters } from "@/lib/core/auth/sign-in-limits";
import { defineJob } from "@/lib/core/jobs/job";

/**
 * Deletes counting windows older than a day (no limit here looks back further), and sign-in
 * counters with nothing left to say. Returns how many windows it deleted.
 */
export async function pruneRateLimits(): Promise<number> {
  return withoutTenant(async (tx) => {
    await pruneSignInCounters(tx);
    const removed = await tx
      .delete(rateLimitBuckets)
      .where(lt(rateLimitBuckets.windowStart, sql`now() - interval '1 day'`))
      .returning({ key: rateLimitBuckets.key });
    return removed.length;
  });
}

export const rateLimitPruneJob = defineJob({
  name: "rate-limit-prune",
  cron: "30 3 * * *",
  unaudited: {
    reason: "deletes counting windows no limit looks at any more: counters, not records",
  },
  run: async () => {
    await pruneRateLimits();
  },
});
