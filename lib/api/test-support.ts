/** Builders shared by the API tests: keys, requests to route handlers, row counts. */
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { and, count, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { ApiScope } from "@/db/schema";
import { auditEvents } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { inTenant } from "@/lib/core/tenancy/context";
import type { ApiRoute } from "./define-endpoint";
import { createApiKey } from "./keys";

/** A fresh API key of the organisation with these scopes, created by its owner. */
export async function newKey(
  orgId: string,
  ownerId: string,
  scopes: ApiScope[],
  name = "test key",
) {
  return inTenant(orgId, { type: "user", id: ownerId }, (ctx) =>
    createApiKey(ctx, { name, scopes }),
  );
}

interface Call {
  token?: string;
  body?: unknown;
  /** Sent as is (for malformed JSON); otherwise `body` is JSON-encoded. */
  raw?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  query?: string;
}

/** Calls a route handler as Next would, with a JSON body and an optional bearer token. */
export async function call(
  route: ApiRoute,
  path: string,
  { token, body, raw, headers = {}, params, query = "" }: Call = {},
) {
  const method = body === undefined && raw === undefined ? "GET" : "POST";
  const request = new Request(`http://localhost/api/v1${path}${query}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(method === "POST" ? { "Content-Type": "application/json" } : {}),
      ...headers,
    },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  // As Next does: a route without dynamic segments gets a context without params.
  const response = await route(
    request,
    (params ? { params: Promise.resolve(params) } : {}) as never,
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

/** Rows of a tenant table in one organisation. */
export async function rowCount(orgId: string, table: PgTable) {
  const t = table as typeof auditEvents;
  return withTenant(
    orgId,
    async (tx) => (await tx.select({ n: count() }).from(t).where(eq(t.orgId, orgId)))[0].n,
  );
}

/** The organisation's audit events of one action, oldest first. */
export const eventsOf = (orgId: string, action: string) =>
  withTenant(orgId, (tx) =>
    tx
      .select({
        actorType: auditEvents.actorType,
        actorId: auditEvents.actorId,
        targetType: auditEvents.targetType,
        targetId: auditEvents.targetId,
        details: auditEvents.details,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, action as never)))
      .orderBy(auditEvents.seq),
  );

/** Every route.ts under app/api/v1, as the authorisation test finds them. */
export const allV1RouteFiles = () => routeFilesUnder("app/api/v1");

function routeFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory()
      ? routeFilesUnder(path)
      : entry === "route.ts"
        ? [relative(process.cwd(), path)]
        : [];
  });
}

/** The two /api/v1 routes that are not endpoints: the public OpenAPI document and the not-found answer. */
export const UNKEYED_V1_ROUTES = [
  "app/api/v1/openapi.json/route.ts",
  "app/api/v1/[...path]/route.ts",
];

/** Every /api/v1 endpoint's route file (API key, scope, audit). */
export function v1RouteFiles(): string[] {
  return allV1RouteFiles().filter((f) => !UNKEYED_V1_ROUTES.includes(f));
}
