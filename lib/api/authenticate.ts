import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { apiKeys, type ApiScope } from "@/db/schema";
import { enterTenant, withoutTenant } from "@/db/tenant";
import { allowHit } from "@/lib/core/rate-limit";
import { ApiProblem } from "./problem";
import { bearerToken, parseToken, secretMatches } from "./token";

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

const unauthenticated = (detail: string) => new ApiProblem("unauthenticated", detail, undefined, { "WWW-Authenticate": 'Bearer realm="privacy-desk"' });

/**
 * Finds the request's API key and checks it: well-formed bearer token → row by public prefix
 * (a SECURITY DEFINER lookup, as no tenant is known yet) → secret hash, compared in constant time
 * → not revoked → scope → per-key rate limit. Counting the hit and touching last_used_at (at most
 * once a minute) commit on their own, so a later rejection of the request does not undo them.
 */
export async function authenticate(request: Request, scope: ApiScope | null, limit: RateLimit = DEFAULT_LIMIT): Promise<ApiCaller> {
  const token = bearerToken(request);
  if (!token) throw unauthenticated("Send the API key as `Authorization: Bearer pdk_…`.");
  const parts = parseToken(token);
  if (!parts) throw unauthenticated("The API key is not valid.");

  return withoutTenant(async (tx) => {
    const { rows } = await tx.execute<{ org_id: string; id: string; secret_hash: string; scopes: ApiScope[]; revoked_at: Date | null }>(
      sql`select org_id, id, secret_hash, scopes, revoked_at from api_key_by_prefix(${parts.prefix})`,
    );
    const key = rows[0];
    if (!key || !secretMatches(parts.secret, key.secret_hash) || key.revoked_at) throw unauthenticated("The API key is not valid or has been revoked.");
    if (scope && !key.scopes.includes(scope)) throw new ApiProblem("forbidden", `This endpoint needs the scope ${scope}.`);

    await enterTenant(tx, key.org_id);
    if (!(await allowHit(tx, `api-key:${key.id}${limit.bucket ? `:${limit.bucket}` : ""}`, limit.perMinute, 60))) {
      throw new ApiProblem("rateLimited", `At most ${limit.perMinute} requests a minute per key${limit.bucket ? ` to this endpoint` : ""}.`, undefined, { "Retry-After": "60" });
    }
    await tx.update(apiKeys).set({ lastUsedAt: new Date() })
      .where(and(eq(apiKeys.orgId, key.org_id), eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`))));
    return { orgId: key.org_id, keyId: key.id, scopes: key.scopes };
  });
}
