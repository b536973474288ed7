import { z } from "zod";
import { auditActions } from "@/lib/core/audit/actions";
import type { AuditFilters } from "@/lib/core/audit/queries";

// An empty or malformed parameter means "no filter", never an error page: URLs get hand-edited.
const optional = <T extends z.ZodType>(schema: T) =>
  z
    .preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, schema.optional())
    .catch(undefined);

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00+08:00`)));

/** The audit page's URL state: filters, keyset cursor, and whether to verify the chain. */
export const auditSearchParams = z.object({
  actor: optional(z.string().trim().max(128)),
  action: optional(z.enum(auditActions)),
  targetType: optional(z.string().trim().max(64)),
  targetId: optional(z.string().trim().max(128)),
  from: optional(day),
  to: optional(day),
  cursor: optional(z.coerce.number().int().positive()),
  verify: optional(z.literal("1")),
});
export type AuditSearchParams = z.infer<typeof auditSearchParams>;

export function parseAuditSearchParams(
  raw: Record<string, string | string[] | undefined> | URLSearchParams,
): AuditSearchParams {
  return auditSearchParams.parse(raw instanceof URLSearchParams ? Object.fromEntries(raw) : raw);
}

/** Calendar days are days in China (UTC+8), the organisation's working time zone. */
export function toAuditFilters(params: AuditSearchParams): AuditFilters {
  return {
    actorId: params.actor,
    action: params.action,
    targetType: params.targetType,
    targetId: params.targetId,
    from: params.from ? new Date(`${params.from}T00:00:00.000+08:00`) : undefined,
    to: params.to ? new Date(`${params.to}T23:59:59.999+08:00`) : undefined,
  };
}

/** The query string of a filter set (plus extras), for links that keep the current filters. */
export function auditQuery(
  params: AuditSearchParams,
  extra: Partial<Record<"cursor" | "verify", string>> = {},
): string {
  const { actor, action, targetType, targetId, from, to } = params;
  const entries = Object.entries({
    actor,
    action,
    targetType,
    targetId,
    from,
    to,
    ...extra,
  }).filter(([, v]) => v !== undefined && v !== "");
  const query = new URLSearchParams(entries as [string, string][]).toString();
  return query ? `?${query}` : "";
}

/** Names of the filters in use: what the export's audit event records (never their values). */
export function activeFilterNames(params: AuditSearchParams): string[] {
  return (["actor", "action", "targetType", "targetId", "from", "to"] as const).filter(
    (k) => params[k] !== undefined,
  );
}
