import "server-only";
import { forEachOrganization } from "@/lib/core/jobs/for-each-org";
import { defineJob, jobActor } from "@/lib/core/jobs/job";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { rollUpDailyCounts, snapshotConsentState } from "./rollup";

/** One organisation's share of the job, in the caller's tenant transaction. */
export async function rollUpOrganization({
  tx,
  orgId,
}: Pick<TenantContext, "tx" | "orgId">): Promise<void> {
  await rollUpDailyCounts(tx, orgId);
  await snapshotConsentState(tx, orgId);
}

/**
 * Every 15 minutes, per organisation in one transaction: adds the receipts recorded since its last
 * run (up to a few minutes ago) to the dashboard series' daily counts and refreshes its
 * consent-state snapshot. Derived figures only — no receipt or state changes — so, like the
 * pruning jobs, it writes no audit event. Idempotent: the locked `counted_until` says which
 * receipts are counted, and the snapshot is replaced whole.
 */
export const consentRollupJob = defineJob({
  name: "consent-rollup",
  cron: "7,22,37,52 * * * *",
  unaudited: {
    reason:
      "derived figures only: daily counts and a snapshot of the consent state, no receipt or state changes",
  },
  run: async () => {
    await forEachOrganization(jobActor("consent-rollup"), rollUpOrganization);
  },
});
