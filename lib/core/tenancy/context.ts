import "server-only";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { recordAudit, type AuditActor, type AuditEntry } from "@/lib/core/audit/record";

/**
 * What every command runs under, whoever calls it (a console action or route, the API, a job, the
 * public portal): the tenant transaction (row-level security entered for `orgId`), who acts, and
 * the audit writer that appends to the organisation's chain as that actor in the same transaction.
 */
export interface TenantContext {
  tx: Tx;
  orgId: string;
  actor: AuditActor;
  /** Appends to the audit chain as `actor`, in `tx`: the change and its record commit together. */
  audit: (entry: AuditEntry) => Promise<void>;
}

/** A context over an open tenant transaction; `audited()` counts the events written through it. */
export function tenantContext(
  tx: Tx,
  orgId: string,
  actor: AuditActor,
): TenantContext & { audited: () => number } {
  let audited = 0;
  const audit = async (entry: AuditEntry) => {
    await recordAudit(tx, orgId, actor, entry);
    audited += 1;
  };
  return { tx, orgId, actor, audit, audited: () => audited };
}

/** A verified customer acting for themselves (the public portal): audited as the customer, no staff user. */
export const customerContext = (tx: Tx, orgId: string, customerId: string): TenantContext =>
  tenantContext(tx, orgId, { type: "customer", id: customerId });

/** The console user acting, or null when the API, a job or a customer acts. */
export const actingUserId = (ctx: Pick<TenantContext, "actor">): string | null =>
  ctx.actor.type === "user" ? ctx.actor.id : null;

/** The console user acting, for commands only a person signed in to the console may run. */
export function actingUser(ctx: Pick<TenantContext, "actor">): string {
  const userId = actingUserId(ctx);
  if (!userId) throw new Error(`a console user must act here, not ${ctx.actor.type}`);
  return userId;
}

/** Runs `work` in its own tenant transaction for the organisation, as `actor`. */
export function inTenant<T>(
  orgId: string,
  actor: AuditActor,
  work: (ctx: TenantContext) => Promise<T>,
): Promise<T> {
  return withTenant(
    orgId,
    (tx) => work(tenantContext(tx, orgId, actor)),
    actingUserId({ actor }) ?? undefined,
  );
}
