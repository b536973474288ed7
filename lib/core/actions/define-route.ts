import "server-only";
import { withTenant } from "@/db/tenant";
import { getActor } from "@/lib/core/auth/actor";
import { can, type Permission } from "@/lib/core/authz/permissions";
import { AppError } from "@/lib/core/errors";
import { tenantContext } from "@/lib/core/tenancy/context";
import type { ActionContext } from "./define-action";
import { log } from "@/lib/core/log/logger";

/** Next passes dynamic segments as `{ params: Promise<…> }`; handlers await what they need. */
export type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Handler = (ctx: ActionContext, request: Request, context: RouteContext) => Promise<Response>;
type Route = (request: Request, context?: RouteContext) => Promise<Response>;

/** Which permission each console route handler requires: read by the authorisation test. */
export const routePermissions = new WeakMap<Route, Permission>();

const problem = (status: number, title: string) =>
  Response.json(
    { type: "about:blank", title, status },
    { status, headers: { "Content-Type": "application/problem+json" } },
  );

/**
 * The console's route handlers (downloads, exports): session → permission → tenant transaction.
 * Anything but GET must write an audit event or it is rolled back; a GET that exports data
 * records its export the same way.
 */
export function defineRoute(permission: Permission, handler: Handler) {
  const route: Route = async (request, context = { params: Promise.resolve({}) }) => {
    const actor = await getActor();
    if (!actor) return problem(401, "unauthenticated");
    if (actor.pending || !can(actor.role, permission)) return problem(403, "forbidden");
    try {
      return await withTenant(
        actor.orgId,
        async (tx) => {
          const ctx = tenantContext(tx, actor.orgId, { type: "user", id: actor.userId });
          const response = await handler({ ...ctx, user: actor }, request, context);
          if (request.method !== "GET" && ctx.audited() === 0)
            throw new Error("a mutation must write an audit event");
          return response;
        },
        actor.userId,
      );
    } catch (error) {
      if (error instanceof AppError) return problem(error.status, error.code);
      log.error({ permission, err: error }, "route failed");
      return problem(500, "internal");
    }
  };
  routePermissions.set(route, permission);
  return route;
}
