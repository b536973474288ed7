import "server-only";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { controlEvaluations, type ControlStatus } from "@/db/schema";
import { addDays, todayIso } from "@/lib/core/dates";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { controls, type ControlId } from "./catalogue";
import { evidenceQueries } from "./evidence/queries";
import type { Evidence } from "./evidence/types";

/** Every control's evidence now, computed by its query (nothing stored). */
export async function computeEvidence(
  tx: Tx,
  orgId: string,
  now = new Date(),
): Promise<Array<Evidence & { controlId: ControlId }>> {
  const out: Array<Evidence & { controlId: ControlId }> = [];
  for (const control of controls)
    out.push({ controlId: control.id, ...(await evidenceQueries[control.id](tx, orgId, now)) });
  return out;
}

/**
 * Evaluates every control and stores today's result (a later run the same day replaces it, so the
 * trend keeps one point a day), with one audit event naming the counts per status.
 */
export async function evaluateControls(ctx: TenantContext, now = new Date()) {
  const evidence = await computeEvidence(ctx.tx, ctx.orgId, now);
  const evaluatedOn = todayIso(now);
  for (const e of evidence) {
    const values = {
      status: e.status,
      numerator: e.numerator,
      denominator: e.denominator,
      details: e.details,
      evaluatedAt: now,
    };
    await ctx.tx
      .insert(controlEvaluations)
      .values({ orgId: ctx.orgId, controlId: e.controlId, evaluatedOn, ...values })
      .onConflictDoUpdate({
        target: [
          controlEvaluations.orgId,
          controlEvaluations.controlId,
          controlEvaluations.evaluatedOn,
        ],
        set: values,
      });
  }
  const counts: Record<ControlStatus, number> = { met: 0, partly: 0, not_met: 0, no_data: 0 };
  for (const e of evidence) counts[e.status] += 1;
  await ctx.audit({ action: "control.evaluated", targetType: "control", details: { ...counts } });
  return evidence;
}

/** The latest stored evaluation of each control. */
export async function latestEvaluations(tx: Tx, orgId: string) {
  const rows = await tx
    .selectDistinctOn([controlEvaluations.controlId])
    .from(controlEvaluations)
    .where(eq(controlEvaluations.orgId, orgId))
    .orderBy(controlEvaluations.controlId, desc(controlEvaluations.evaluatedOn));
  return new Map(rows.map((r) => [r.controlId, r]));
}

/** Each control's results over the last `days` days, oldest first: its trend. */
export async function evaluationHistory(
  tx: Tx,
  orgId: string,
  opts: { controlId?: string; days?: number; today?: string } = {},
) {
  const since = addDays(opts.today ?? todayIso(), -(opts.days ?? 90));
  return tx
    .select()
    .from(controlEvaluations)
    .where(
      and(
        eq(controlEvaluations.orgId, orgId),
        gte(controlEvaluations.evaluatedOn, since),
        opts.controlId ? eq(controlEvaluations.controlId, opts.controlId) : undefined,
      ),
    )
    .orderBy(controlEvaluations.controlId, sql`${controlEvaluations.evaluatedOn} asc`);
}

export type EvaluationRow = typeof controlEvaluations.$inferSelect;
