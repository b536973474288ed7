import "server-only";
import { lt, sql } from "drizzle-orm";
import { rateLimitBuckets } from "@/db/schema";
import { withoutTenant } from "@/db/tenant";
import { defineJob } from "@/lib/core/jobs/job";

/** Deletes counting windows older than a day: no limit here looks back further. */
export async function pruneRateLimits(): Promise<number> {
  const removed = await withoutTenant((tx) =>
    tx.delete(rateLimitBuckets).where(lt(rateLimitBuckets.windowStart, sql`now() - interval '1 day'`)).returning({ key: rateLimitBuckets.key }),
  );
  return removed.length;
}

export const rateLimitPruneJob = defineJob({
  name: "rate-limit-prune",
  cron: "30 3 * * *",
  unaudited: { reason: "deletes counting windows no limit looks at any more: counters, not records" },
  run: async () => {
    await pruneRateLimits();
  },
});
