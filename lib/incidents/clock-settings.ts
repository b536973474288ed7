import "server-only";
import { sql } from "drizzle-orm";
import { incidentClockRules, incidentSettings } from "@/db/schema";
import type { ClockTrigger } from "@/db/schema/incidents";
import { AppError } from "@/lib/core/errors";
import { actingUser, type TenantContext } from "@/lib/core/tenancy/context";
import { incidentSettingsOf } from "./clock-context";
import { referenceClockRules } from "./clock-rules";
import type { IncidentClockRuleInput, IncidentSettingsInput } from "./schemas";

/** Whether the organisation operates critical information infrastructure, and its PIPL target; the audit names the changed fields. */
export async function updateIncidentSettings(
  ctx: TenantContext,
  input: IncidentSettingsInput,
): Promise<string[]> {
  const current = await incidentSettingsOf(ctx.tx, ctx.orgId);
  const fields = (Object.keys(input) as Array<keyof IncidentSettingsInput>).filter(
    (k) => current[k] !== input[k],
  );
  if (fields.length === 0) throw new AppError("invalid", { _form: "unchanged" });
  await ctx.tx
    .insert(incidentSettings)
    .values({ orgId: ctx.orgId, ...input })
    .onConflictDoUpdate({
      target: incidentSettings.orgId,
      set: { ...input, updatedAt: sql`now()` },
    });
  await ctx.audit({
    action: "incident.settings_updated",
    targetType: "organization",
    targetId: ctx.orgId,
    details: { fields },
  });
  return fields;
}

/** Adds an organisation's own clock rule beside the reference ones; its key may name neither a reference rule nor another of its own. */
export async function addClockRule(
  ctx: TenantContext,
  input: IncidentClockRuleInput,
): Promise<string> {
  if (referenceClockRules.some((r) => r.key === input.key))
    throw new AppError("invalid", { key: "ruleKeyTaken" });
  const trigger: ClockTrigger = {
    ...(input.classifications.length > 0 && { classifications: input.classifications }),
    ...(input.minGrade && { minGrade: input.minGrade }),
    ...(input.triggerLaw && { law: input.triggerLaw }),
  };
  const [row] = await ctx.tx
    .insert(incidentClockRules)
    .values({
      orgId: ctx.orgId,
      key: input.key,
      law: input.law,
      recipient: input.recipient,
      trigger,
      periodAmount: input.periodAmount ?? null,
      periodUnit: input.periodUnit ?? null,
      startEvent: input.startEvent,
      checklist: input.checklist,
      source: input.source,
      inForceFrom: input.inForceFrom ?? null,
      createdBy: actingUser(ctx),
    })
    .onConflictDoNothing()
    .returning({ id: incidentClockRules.id });
  if (!row) throw new AppError("invalid", { key: "ruleKeyTaken" });
  await ctx.audit({
    action: "incident.clock_rule_added",
    targetType: "incident_clock_rule",
    targetId: row.id,
    details: { key: input.key },
  });
  return row.id;
}
