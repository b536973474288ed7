import "server-only";
import { and, eq, lte } from "drizzle-orm";
import { policyVersions } from "@/db/schema";
import { forEachOrganization } from "@/lib/core/jobs/for-each-org";
import { defineJob, jobActor } from "@/lib/core/jobs/job";
import { todayIso } from "@/lib/core/dates";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { publishVersion } from "./commands";

/**
 * Publishes every approved version scheduled for `today` or earlier. Idempotent: a published
 * version is no longer "approved", so a second run finds nothing.
 */
export async function publishDueVersions(ctx: TenantContext, today: string): Promise<number> {
  const { tx, orgId } = ctx;
  const due = await tx
    .select({ id: policyVersions.id })
    .from(policyVersions)
    .where(
      and(
        eq(policyVersions.orgId, orgId),
        eq(policyVersions.status, "approved"),
        eq(policyVersions.publishOnEffective, true),
        lte(policyVersions.effectiveOn, today),
      ),
    )
    .orderBy(policyVersions.effectiveOn, policyVersions.version);
  for (const { id } of due) await publishVersion(ctx, id, undefined, today);
  return due.length;
}

/** Daily at 16:05 UTC (00:05 Beijing), so a version takes effect at the start of its day. */
export const policyPublicationJob = defineJob({
  name: "policy-publication",
  cron: "5 16 * * *",
  audits: [
    "policy.version_superseded",
    "policy.version_published",
    "purpose.reconsent_required",
    "purpose.updated",
  ],
  run: async () => {
    const today = todayIso();
    await forEachOrganization(jobActor("policy-publication"), async (ctx) => {
      await publishDueVersions(ctx, today);
    });
  },
});
