import "server-only";
import { sql } from "drizzle-orm";
import type { ApiScope } from "@/db/schema";
import { appDb, type Executor } from "@/db/client";
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
 * → not revoked → scope → per-key rate limit. The hit and the last-use stamp are counted on their
 * own (countHit), so a later rejection of the request does not undo them.
 */
export async function authenticate(request: Request, scope: ApiScope | null, limit: RateLimit = DEFAULT_LIMIT): Promise<ApiCaller> {
  const caller = await identifyKey(appDb(), request, scope);
  await countHit(caller, limit);
  return caller;
}

/**
 * The key behind the request, checked: one statement, which enters no organisation, so it needs
 * no transaction. The caller works inside the key's organisation only after this returns.
 */
export async function identifyKey(db: Executor, request: Request, scope: ApiScope | null): Promise<ApiCaller> {
  const token = bearerToken(request);
  if (!token) throw unauthenticated("Send the API key as `Authorization: Bearer pdk_…`.");
  const parts = parseToken(token);
  if (!parts) throw unauthenticated("The API key is not valid.");

  const { rows } = await db.execute<{ org_id: string; id: string; secret_hash: string; scopes: ApiScope[]; revoked_at: Date | null }>(
    sql`select org_id, id, secret_hash, scopes, revoked_at from api_key_by_prefix(${parts.prefix})`,
  );
  const key = rows[0];
  if (!key || !secretMatches(parts.secret, key.secret_hash) || key.revoked_at) throw unauthenticated("The API key is not valid or has been revoked.");
  if (scope && !key.scopes.includes(scope)) throw new ApiProblem("forbidden", `This endpoint needs the scope ${scope}.`);
  return { orgId: key.org_id, keyId: key.id, scopes: key.scopes };
}

/**
 * Counts the call against the key's limit (refusing it past the limit) and stamps the key's last
 * use at most once a minute: one statement in a transaction of its own, outside the request's,
 * so the window's row is locked only while PostgreSQL runs it. Every call of a key increments
 * that one row: held across a round trip, the calls would queue behind each other. Its commit
 * does not wait for the disk (a lost count or stamp after a crash harms nothing).
 */
export async function countHit(caller: ApiCaller, limit: RateLimit = DEFAULT_LIMIT): Promise<void> {
  const bucket = `api-key:${caller.keyId}${limit.bucket ? `:${limit.bucket}` : ""}`;
  const touch = sql`touch_api_key(${caller.orgId}, ${caller.keyId})`;
  if (!(await allowHit(appDb(), bucket, limit.perMinute, 60, { also: touch, asyncCommit: true }))) {
    throw new ApiProblem("rateLimited", `At most ${limit.perMinute} requests a minute per key${limit.bucket ? ` to this endpoint` : ""}.`, undefined, { "Retry-After": "60" });
  }
}
