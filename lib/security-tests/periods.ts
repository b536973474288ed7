import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { securityTestSettings } from "@/db/schema";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { defaultRemediationPeriods, type RemediationPeriods } from "./deadlines";

/** The organisation's remediation periods, or the defaults while it has set none. */
export async function remediationPeriods(tx: Tx, orgId: string): Promise<RemediationPeriods> {
  const [row] = await tx
    .select()
    .from(securityTestSettings)
    .where(eq(securityTestSettings.orgId, orgId));
  return row
    ? { P1: row.p1Days, P2: row.p2Days, P3: row.p3Days, P4: row.p4Days }
    : defaultRemediationPeriods;
}

/**
 * Sets the periods for findings recorded from now on; existing findings keep the deadline they
 * were given (a deadline that moved after the fact would hide how late a fix was).
 */
export async function setRemediationPeriods(
  ctx: TenantContext,
  periods: RemediationPeriods,
): Promise<void> {
  const values = { p1Days: periods.P1, p2Days: periods.P2, p3Days: periods.P3, p4Days: periods.P4 };
  await ctx.tx
    .insert(securityTestSettings)
    .values({ orgId: ctx.orgId, ...values })
    .onConflictDoUpdate({
      target: securityTestSettings.orgId,
      set: { ...values, updatedAt: sql`now()` },
    });
  await ctx.audit({
    action: "security_finding.periods_updated",
    targetType: "organization",
    targetId: ctx.orgId,
    details: { ...periods },
  });
}
