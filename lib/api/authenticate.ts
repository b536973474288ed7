import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { ApiScope } from "@/db/schema";
import { appDb } from "@/db/client";
import { ApiProblem } from "./problem";
import { bearerToken, hashSecret, parseToken } from "./token";

export interface ApiCaller {
  orgId: string;
  keyId: string;
  scopes: ApiScope[];
}

/** Requests per key per minute: far above a backend's batch cadence, far below a flood. */
export const REQUESTS_PER_MINUTE = 600;

/** A per-key budget: the shared one, or a named bucket of its own for a high-volume endpoint. */
export interface RateLimit {
  bucket?: string;
  perMinute: number;
}
const DEFAULT_LIMIT: RateLimit = { perMinute: REQUESTS_PER_MINUTE };

/** The columns `api_call` returns (db/security.sql), named so that a read joined to it keeps its own. */
export interface KeyCallRow extends Record<string, unknown> {
  call_outcome: "ok" | "invalid" | "forbidden" | "limited";
  call_org_id: string | null;
  call_key_id: string | null;
  call_scopes: ApiScope[] | null;
}

const unauthenticated = (detail: string) =>
  new ApiProblem("unauthenticated", detail, undefined, {
    "WWW-Authenticate": 'Bearer realm="privacy-desk"',
  });

/**
 * The request's key check as one SQL call (`api_call`): the key by its public prefix, the secret's
 * SHA-256 against the stored one, not revoked, the scope, then the hit counted against the key's
 * rate limit and its last use stamped. Only the secret's hash leaves this process. Select from it
 * alone (`authenticate`), or join a read to it so that one statement answers the call. A missing
 * or malformed token is refused here, before the database.
 */
export function keyCall(
  request: Request,
  scope: ApiScope | null,
  limit: RateLimit = DEFAULT_LIMIT,
): SQL {
  const token = bearerToken(request);
  if (!token) throw unauthenticated("Send the API key as `Authorization: Bearer pdk_…`.");
  const parts = parseToken(token);
  if (!parts) throw unauthenticated("The API key is not valid.");
  return sql`api_call(${parts.prefix}, ${hashSecret(parts.secret)}, ${scope}, ${limit.bucket ?? null}, ${limit.perMinute})`;
}

/** The caller behind a key check's row, or the problem that refuses the call. */
export function callerOf(
  row: KeyCallRow | undefined,
  scope: ApiScope | null,
  limit: RateLimit = DEFAULT_LIMIT,
): ApiCaller {
  switch (row?.call_outcome) {
    case "ok":
      return { orgId: row.call_org_id!, keyId: row.call_key_id!, scopes: row.call_scopes! };
    case "forbidden":
      throw new ApiProblem("forbidden", `This endpoint needs the scope ${scope}.`);
    case "limited":
      throw new ApiProblem(
        "rateLimited",
        `At most ${limit.perMinute} requests a minute per key${limit.bucket ? " to this endpoint" : ""}.`,
        undefined,
        { "Retry-After": "60" },
      );
    default:
      throw unauthenticated("The API key is not valid or has been revoked.");
  }
}

/**
 * The key behind the request, checked and counted in one statement on the pool, outside any
 * transaction (no organisation is entered there): the caller then works inside the key's
 * organisation. The hit counts even if the request is refused later.
 */
export async function authenticate(
  request: Request,
  scope: ApiScope | null,
  limit: RateLimit = DEFAULT_LIMIT,
): Promise<ApiCaller> {
  const { rows } = await appDb().execute<KeyCallRow>(
    sql`select * from ${keyCall(request, scope, limit)}`,
  );
  return callerOf(rows[0], scope, limit);
}
