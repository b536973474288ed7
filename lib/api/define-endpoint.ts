import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { appDb } from "@/db/client";
import type { ApiScope } from "@/db/schema";
import {
  isDatabaseUnavailable,
  isUniqueViolation,
  retryingDeadlocks,
  withTenant,
} from "@/db/tenant";
import { AppError } from "@/lib/core/errors";
import { tenantContext, type TenantContext } from "@/lib/core/tenancy/context";
import {
  authenticate,
  callerOf,
  keyCall,
  type ApiCaller,
  type KeyCallRow,
  type RateLimit,
} from "./authenticate";
import { checkBatchSize, parseJson, readBody } from "./body";
import {
  claimIdempotencyKey,
  idempotencyKeyOf,
  requestHash,
  storeIdempotentResponse,
  type StoredResponse,
} from "./idempotency";
import {
  ApiProblem,
  apiResponse,
  isProblemBody,
  problemResponse,
  RETRY_AFTER_SECONDS,
} from "./problem";
import { itemErrors } from "./validation";
import { log } from "@/lib/core/log/logger";
import { currentRequest, requestIdFrom, withRequestContext } from "@/lib/core/log/request-context";
import { routePattern } from "@/lib/core/log/route-pattern";

/** An API call's tenant context (audited as the API key), with the key and the request. */
export interface EndpointContext extends TenantContext {
  caller: ApiCaller;
  request: Request;
  params: Record<string, string>;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type ApiRoute = (request: Request, context?: RouteContext) => Promise<Response>;

/** The scope each /api/v1 handler requires: read by the tests that call every route without a key. */
export const apiRouteScopes = new WeakMap<ApiRoute, ApiScope>();

interface Definition<S extends z.ZodType> {
  scope: ApiScope;
  /** The JSON body's schema (POST); omitted for GET. */
  body?: S;
  run: (ctx: EndpointContext, input: z.infer<S>) => Promise<StoredResponse>;
  /** A per-key rate-limit bucket of its own instead of the shared one (high-volume reads). */
  rateLimit?: RateLimit;
  /** After the transaction committed (not for a replay): counts what was stored (lib/core/metrics). */
  committed?: (input: z.infer<S>) => void;
}

/**
 * A read the platform makes at volume, left out of the audit chain: only the consent check before
 * every message, where an event per call would flood the chain and queue every call on the
 * organisation's chain lock. The key is still authenticated, counted against its rate limit and
 * its last use stamped. It has no body; `reason` says why it skips the audit, for the reader.
 * `read` turns the parameters into a query: one SQL call for the key's organisation (`org` is
 * the expression giving it) that enters the organisation itself, run in the key check's own
 * statement, and the answer from its row; or the answer alone when no read is needed.
 */
interface UnauditedRead {
  scope: ApiScope;
  unaudited: { reason: string };
  rateLimit: RateLimit;
  read: (params: Record<string, string>) => UnauditedQuery;
}

interface UnauditedQuery {
  statement?: (org: SQL) => SQL;
  answer: (row: Record<string, unknown> | undefined) => StoredResponse;
}

/**
 * An endpoint's answer. A problem it returns rather than throws (its writes must stand: a wrong
 * code's counted attempt) is still sent as problem+json, replays included.
 */
const json = (response: StoredResponse, headers: Record<string, string> = {}) =>
  apiResponse(
    response.status,
    response.body,
    headers,
    isProblemBody(response.body) ? "application/problem+json" : "application/json",
  );

/** A domain refusal from a shared command (lib/customers…), in API form. */
function appErrorResponse(error: AppError): Response {
  if (error.code === "invalid") {
    const errors = Object.entries(error.fieldErrors ?? {}).map(([field, key]) => ({
      index: -1,
      field,
      code: key.replace(/^errors\./, ""),
      message: key,
    }));
    return problemResponse("validation", "The request is not valid; nothing was written.", errors);
  }
  const code = (
    { notFound: "notFound", conflict: "conflict", rateLimited: "rateLimited" } as const
  )[error.code as "notFound"];
  return problemResponse(code ?? "internal");
}

/**
 * Every /api/v1 endpoint: API key → scope → rate limit → body (size, JSON, schema: all before
 * the database) → one tenant transaction holding the idempotency claim, the writes and the audit
 * event as the key, so a rejected request writes nothing and a retried one nothing twice. A
 * transaction PostgreSQL picks as a deadlock's victim is run again (retryingDeadlocks).
 */
export function defineEndpoint<S extends z.ZodType>(
  definition: Definition<S> | UnauditedRead,
): ApiRoute {
  if ("read" in definition && ("body" in definition || !definition.unaudited.reason.trim()))
    throw new Error("only a GET with a stated reason may skip the audit");
  const answerRequest: ApiRoute = async (request, context) => {
    try {
      if ("read" in definition) return await unauditedRead(definition, request, context);
      const caller = await authenticate(request, definition.scope, definition.rateLimit);
      let input: unknown;
      let raw = "";
      if (definition.body) {
        if (
          !/^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(
            request.headers.get("content-type") ?? "",
          )
        ) {
          throw new ApiProblem(
            "unsupportedMediaType",
            "Send the body as JSON with Content-Type: application/json.",
          );
        }
        raw = await readBody(request);
        const parsedJson = parseJson(raw);
        checkBatchSize(parsedJson);
        const parsed = definition.body.safeParse(parsedJson);
        if (!parsed.success)
          throw new ApiProblem(
            "validation",
            "Some fields are not valid; nothing was written.",
            itemErrors(parsed.error, parsedJson),
          );
        input = parsed.data;
      }
      const idempotencyKey = request.method === "GET" ? undefined : idempotencyKeyOf(request);
      const params = await paramsOf(context);

      let stored = false;
      const answer = await retryingDeadlocks(() =>
        withTenant(caller.orgId, async (tx) => {
          stored = false;
          if (idempotencyKey) {
            const stored = await claimIdempotencyKey(
              tx,
              caller.orgId,
              caller.keyId,
              idempotencyKey,
              requestHash(request, raw),
            );
            if (stored) return json(stored, { "Idempotent-Replayed": "true" });
          }
          const ctx = tenantContext(tx, caller.orgId, { type: "api_key", id: caller.keyId });
          const response = await definition.run(
            { ...ctx, caller, request, params },
            input as z.infer<S>,
          );
          if (ctx.audited() === 0) throw new Error("every API call must write an audit event");
          if (idempotencyKey)
            await storeIdempotentResponse(tx, caller.orgId, caller.keyId, idempotencyKey, response);
          stored = true;
          return json(response);
        }),
      );
      if (stored) definition.committed?.(input as z.infer<S>);
      return answer;
    } catch (error) {
      return failure(request, context, error);
    }
  };
  // Under the production server the request already has its id (server/request-observer.ts).
  const route: ApiRoute = (request, context) =>
    currentRequest()
      ? answerRequest(request, context)
      : withRequestContext({ reqId: requestIdFrom(request.headers.get("x-request-id")) }, () =>
          answerRequest(request, context),
        );
  apiRouteScopes.set(route, definition.scope);
  return route;
}

/** Route parameters as strings (Next passes none to a route without dynamic segments). */
const paramsOf = async (context?: RouteContext) =>
  Object.fromEntries(Object.entries((await context?.params) ?? {}).map(([k, v]) => [k, String(v)]));

/**
 * The key check and the read in one statement on the pool, no transaction: one round trip. The
 * read runs only for a key that passed (a one-time filter on the check's outcome); a call over
 * the limit is refused all the same. The window's rate-limit row stays locked until the
 * statement ends, the read included (a fraction of a millisecond).
 */
async function unauditedRead(
  definition: UnauditedRead,
  request: Request,
  context?: RouteContext,
): Promise<Response> {
  const key = keyCall(request, definition.scope, definition.rateLimit);
  const query = definition.read(await paramsOf(context));
  const { rows } = await appDb().execute<KeyCallRow>(
    query.statement
      ? // OFFSET 0 keeps the subquery whole, so its filter gates the read instead of filtering after it.
        sql`select * from ${key} k left join lateral (select * from ${query.statement(sql`k.call_org_id`)} where k.call_outcome = 'ok' offset 0) r on true`
      : sql`select * from ${key} k`,
  );
  callerOf(rows[0], definition.scope, definition.rateLimit);
  return json(query.answer(query.statement ? rows[0] : undefined));
}

/** The answer to a request that failed: its problem, or `internal` logged with nothing from the request (lib/core/log). */
async function failure(
  request: Request,
  context: RouteContext | undefined,
  error: unknown,
): Promise<Response> {
  if (error instanceof ApiProblem)
    return problemResponse(error.code, error.detail, error.errors, error.headers);
  if (error instanceof AppError) return appErrorResponse(error);
  if (isUniqueViolation(error))
    return problemResponse(
      "conflict",
      "A concurrent request created the same record; retry the request.",
    );
  const route = routePattern(new URL(request.url).pathname, await paramsOf(context));
  if (isDatabaseUnavailable(error)) {
    log.error({ route, err: error }, "api request failed: database unavailable");
    return problemResponse(
      "unavailable",
      "The database is unavailable; retry shortly.",
      undefined,
      { "Retry-After": String(RETRY_AFTER_SECONDS) },
    );
  }
  log.error({ route, err: error }, "api request failed");
  return problemResponse("internal");
}
