import { useSecureCookies } from "@/lib/core/auth/session-policy";
import { apiSecurityHeaders } from "@/lib/core/http/security-headers";
import type { ApiRoute } from "./define-endpoint";
import { problemResponse } from "./problem";

/** Every method Next hands to a route file; it answers any other itself (400). */
export const ROUTE_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

export type RouteHandler = (
  request: Request,
  context?: Parameters<ApiRoute>[1],
) => Response | Promise<Response>;
type Handler = RouteHandler;
type Implemented = Partial<Record<Exclude<RouteMethod, "HEAD" | "OPTIONS">, Handler>>;

const notAllowedHandlers = new WeakSet<Handler>();

/** Whether a route file's export is one of apiMethods' 405 answers: for the tests that look for a route's real endpoints. */
export const isMethodNotAllowed = (handler: unknown) => notAllowedHandlers.has(handler as Handler);

/**
 * All of a /api/v1 route file's methods, for `export const { GET, HEAD, … } = apiMethods({ … })`:
 * the ones it implements (HEAD answers as GET, as Next would), OPTIONS naming them in `Allow`,
 * and every other one a 405 problem with `Allow` and the API's headers. Left to itself, Next
 * answers a method the file does not export with a bare 405.
 */
export function apiMethods(implemented: Implemented): Record<RouteMethod, Handler> {
  const names = Object.keys(implemented) as (keyof Implemented)[];
  const allow = ROUTE_METHODS.filter(
    (m) =>
      names.includes(m as keyof Implemented) ||
      (m === "HEAD" && implemented.GET) ||
      m === "OPTIONS",
  ).join(", ");
  const notAllowed: Handler = () =>
    problemResponse("methodNotAllowed", `This endpoint answers ${allow}.`, undefined, {
      Allow: allow,
    });
  notAllowedHandlers.add(notAllowed);
  const options: Handler = () =>
    new Response(null, {
      status: 204,
      headers: { ...apiSecurityHeaders(useSecureCookies), Allow: allow },
    });
  return {
    GET: implemented.GET ?? notAllowed,
    HEAD: implemented.GET ?? notAllowed,
    OPTIONS: options,
    POST: implemented.POST ?? notAllowed,
    PUT: implemented.PUT ?? notAllowed,
    PATCH: implemented.PATCH ?? notAllowed,
    DELETE: implemented.DELETE ?? notAllowed,
  };
}
