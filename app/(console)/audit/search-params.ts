import { z } from "zod";
import { auditActions } from "@/lib/core/audit/actions";
import type { AuditFilters } from "@/lib/core/audit/queries";
import {
  dayParam,
  hrefWith,
  optionalEnum,
  searchParamsSchema,
  searchText,
  type RawSearchParams,
} from "@/lib/core/search-params/schema";

/** The audit page's URL state: filters, keyset cursor, and whether to verify the chain. */
const auditSearch = searchParamsSchema({
  actor: searchText(128),
  action: optionalEnum(auditActions),
  targetType: searchText(64),
  targetId: searchText(128),
  from: dayParam(),
  to: dayParam(),
  cursor: z.coerce.number().int().positive().optional().catch(undefined),
  verify: z.literal("1").optional().catch(undefined),
});
export const auditSearchParams = auditSearch.schema;
export type AuditSearchParams = z.infer<typeof auditSearchParams>;

export function parseAuditSearchParams(raw: RawSearchParams): AuditSearchParams {
  return auditSearch.parse(raw);
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
  return hrefWith("", { actor, action, targetType, targetId, from, to, ...extra });
}

/** Names of the filters in use: what the export's audit event records (never their values). */
export function activeFilterNames(params: AuditSearchParams): string[] {
  return (["actor", "action", "targetType", "targetId", "from", "to"] as const).filter(
    (k) => params[k] !== undefined,
  );
}
