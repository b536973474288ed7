import "server-only";
import { eq } from "drizzle-orm";
import { organizations } from "@/db/schema";
import type { ClockTerms, RequestType } from "@/db/schema/requests";
import { AppError } from "@/lib/core/errors";
import type { TenantContext } from "@/lib/core/tenancy/context";
import { DEFAULT_PIPL_PERIOD, piplPeriodMax } from "./clock-rules";
import type { ClockSettingsInput } from "./schemas";

type PiplPeriods = (typeof organizations.$inferSelect)["piplPeriods"];

/** The organisation's PIPL period for a type: its own setting when within the limit, else the default. */
export function piplPeriodFor(periods: PiplPeriods, type: RequestType): ClockTerms["piplPeriod"] {
  const own = periods[type];
  return own && own.amount >= 1 && own.amount <= piplPeriodMax(type, own.unit)
    ? own
    : DEFAULT_PIPL_PERIOD;
}

/**
 * Sets the GDPR zone and the PIPL periods (only those that differ from the default are kept).
 * New requests take them; requests already received keep the terms they were received on.
 * The audit event names what changed, nothing else.
 */
export async function updateClockSettings(
  ctx: TenantContext,
  input: ClockSettingsInput,
): Promise<string[]> {
  const [current] = await ctx.tx
    .select({ gdprTimeZone: organizations.gdprTimeZone, piplPeriods: organizations.piplPeriods })
    .from(organizations)
    .where(eq(organizations.id, ctx.orgId))
    .for("update");
  if (!current) throw new AppError("notFound");
  const piplPeriods = Object.fromEntries(
    Object.entries(input.piplPeriods).filter(
      ([, p]) => p.amount !== DEFAULT_PIPL_PERIOD.amount || p.unit !== DEFAULT_PIPL_PERIOD.unit,
    ),
  );
  const changedTypes = [
    ...new Set([...Object.keys(current.piplPeriods), ...Object.keys(piplPeriods)]),
  ]
    .filter(
      (type) =>
        JSON.stringify(current.piplPeriods[type] ?? null) !==
        JSON.stringify(piplPeriods[type] ?? null),
    )
    .sort();
  const fields = [
    ...(current.gdprTimeZone !== input.gdprTimeZone ? ["gdprTimeZone"] : []),
    ...changedTypes.map((type) => `piplPeriod.${type}`),
  ];
  if (fields.length === 0) throw new AppError("invalid", { _form: "unchanged" });
  await ctx.tx
    .update(organizations)
    .set({ gdprTimeZone: input.gdprTimeZone, piplPeriods })
    .where(eq(organizations.id, ctx.orgId));
  await ctx.audit({
    action: "request.clock_settings_updated",
    targetType: "organization",
    targetId: ctx.orgId,
    details: { fields },
  });
  return fields;
}
