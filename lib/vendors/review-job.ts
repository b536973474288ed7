import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { vendors } from "@/db/schema";
import { forEachOrganization } from "@/lib/core/jobs/for-each-org";
import { defineJob, jobActor } from "@/lib/core/jobs/job";
import { todayIso } from "@/lib/core/dates";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { flagsOn, type Flags } from "./flags";

export interface ReviewFlagCounts {
  /** Vendors whose flags changed, and how many of them entered each state. */
  changed: number;
  due: number;
  overdue: number;
  dpaExpiring: number;
  dpaExpired: number;
}

/**
 * Brings every active vendor's review and DPA flags up to date for `today`, and records one
 * `vendor.review_flagged` event with the counts when anything changed. Idempotent: a second run
 * on the same day finds nothing to change and writes nothing.
 */
export async function flagVendorReviews(
  { tx, orgId, audit }: TenantContext,
  today: string,
): Promise<ReviewFlagCounts> {
  const rows = await tx
    .select({
      id: vendors.id,
      nextReviewOn: vendors.nextReviewOn,
      dpaStatus: vendors.dpaStatus,
      dpaExpiresOn: vendors.dpaExpiresOn,
      reviewState: vendors.reviewState,
      dpaExpiring: vendors.dpaExpiring,
    })
    .from(vendors)
    .where(and(eq(vendors.orgId, orgId), isNull(vendors.archivedAt)))
    .for("update");

  const counts: ReviewFlagCounts = {
    changed: 0,
    due: 0,
    overdue: 0,
    dpaExpiring: 0,
    dpaExpired: 0,
  };
  // Vendors that end up with the same flags are updated together: a handful of statements per org.
  const groups = new Map<string, { flags: Flags; ids: string[] }>();
  for (const row of rows) {
    const flags = flagsOn(row, today);
    if (
      flags.reviewState === row.reviewState &&
      flags.dpaStatus === row.dpaStatus &&
      flags.dpaExpiring === row.dpaExpiring
    )
      continue;
    counts.changed += 1;
    if (flags.reviewState !== row.reviewState && flags.reviewState !== "ok")
      counts[flags.reviewState] += 1;
    if (flags.dpaExpiring && !row.dpaExpiring) counts.dpaExpiring += 1;
    if (flags.dpaStatus === "expired" && row.dpaStatus !== "expired") counts.dpaExpired += 1;
    const key = JSON.stringify(flags);
    const group = groups.get(key) ?? groups.set(key, { flags, ids: [] }).get(key)!;
    group.ids.push(row.id);
  }
  if (counts.changed === 0) return counts;

  // updated_at is left alone: it records people's edits, and the list sorts by it.
  for (const { flags, ids } of groups.values()) {
    await tx
      .update(vendors)
      .set(flags)
      .where(and(eq(vendors.orgId, orgId), inArray(vendors.id, ids)));
  }
  await audit({
    action: "vendor.review_flagged",
    targetType: "vendor",
    details: { ...counts },
  });
  return counts;
}

/** Daily at 01:00 UTC (09:00 Beijing), once per organisation, each in its own transaction. */
export const vendorReviewJob = defineJob({
  name: "vendor-review",
  cron: "0 1 * * *",
  audits: ["vendor.review_flagged"],
  run: async () => {
    const today = todayIso();
    await forEachOrganization(jobActor("vendor-review"), async (ctx) => {
      await flagVendorReviews(ctx, today);
    });
  },
});
