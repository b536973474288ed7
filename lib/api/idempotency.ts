import "server-only";
import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { forEachOrganization } from "@/lib/core/jobs/for-each-org";
import { defineJob, jobActor } from "@/lib/core/jobs/job";
import { ApiProblem } from "./problem";

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** The Idempotency-Key header: 1–255 visible ASCII characters, or absent. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const key = request.headers.get("idempotency-key");
  if (key === null) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(key))
    throw new ApiProblem("malformed", "Idempotency-Key must be 1–255 visible ASCII characters.");
  return key;
}

export const requestHash = (request: Request, body: string) =>
  createHash("sha256")
    .update(`${request.method} ${new URL(request.url).pathname}\n`)
    .update(body)
    .digest("hex");

/**
 * Claims the key for this request inside its transaction, before any write. A concurrent request
 * with the same key waits on the primary key until this transaction ends, then sees the stored
 * answer (or, after a rollback, claims the key itself): two requests never both write. Returns the
 * stored answer to replay, or undefined when this request is the first and should run.
 */
export async function claimIdempotencyKey(
  tx: Tx,
  orgId: string,
  apiKeyId: string,
  key: string,
  hash: string,
): Promise<StoredResponse | undefined> {
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ orgId, apiKeyId, key, requestHash: hash, status: 0, body: {} })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length > 0) return undefined;
  const [stored] = await tx
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.orgId, orgId),
        eq(idempotencyKeys.apiKeyId, apiKeyId),
        eq(idempotencyKeys.key, key),
      ),
    );
  if (stored.requestHash !== hash)
    throw new ApiProblem(
      "idempotencyMismatch",
      "This Idempotency-Key was used with a different request; use a new key for a new request.",
    );
  return { status: stored.status, body: stored.body };
}

export async function storeIdempotentResponse(
  tx: Tx,
  orgId: string,
  apiKeyId: string,
  key: string,
  response: StoredResponse,
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ status: response.status, body: response.body })
    .where(
      and(
        eq(idempotencyKeys.orgId, orgId),
        eq(idempotencyKeys.apiKeyId, apiKeyId),
        eq(idempotencyKeys.key, key),
      ),
    );
}

/**
 * Forgets stored answers after 24 hours, each organisation's in its own tenant transaction (the
 * table is under row-level security like every tenant table).
 */
export async function pruneIdempotencyKeys(): Promise<number> {
  let removed = 0;
  await forEachOrganization(jobActor("idempotency-prune"), async ({ tx, orgId }) => {
    const rows = await tx
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.orgId, orgId),
          lt(idempotencyKeys.createdAt, sql`now() - interval '24 hours'`),
        ),
      )
      .returning({ key: idempotencyKeys.key });
    removed += rows.length;
  });
  return removed;
}

export const idempotencyPruneJob = defineJob({
  name: "idempotency-prune",
  cron: "45 3 * * *",
  unaudited: {
    reason:
      "forgets the API's stored answers after their 24 hours: a replay cache expiring, not a record or a decision",
  },
  run: async () => {
    await pruneIdempotencyKeys();
  },
});
