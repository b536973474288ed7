import "server-only";
import { enterTenant } from "@/db/tenant";
import type { ActionContext } from "@/lib/core/actions/define-action";
import type { AuditEntry } from "@/lib/core/audit/record";
import { auditForUser, lockChains, memberOrgIds } from "@/lib/core/auth/audit-for-user";

/**
 * A change to someone's own login (password, second factor) concerns every organisation they
 * belong to, as a sign-in does: record it in the current one through the action's audit, then
 * in the others, and point the transaction back at the current organisation.
 */
export async function auditAccountChange(
  ctx: ActionContext,
  entry: Pick<AuditEntry, "action" | "details">,
): Promise<void> {
  const event: AuditEntry = { ...entry, targetType: "user", targetId: ctx.user.userId };
  // Every chain this touches is locked in the global order before the first write.
  await lockChains(ctx.tx, [ctx.orgId, ...(await memberOrgIds(ctx.tx, ctx.user.userId))]);
  await ctx.audit(event);
  await auditForUser(ctx.tx, ctx.user.userId, event, { except: ctx.orgId });
  await enterTenant(ctx.tx, ctx.orgId, ctx.user.userId);
}
