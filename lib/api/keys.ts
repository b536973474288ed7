import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { apiKeys, apiScopes, users } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { actingUser, type TenantContext } from "@/lib/core/tenancy/context";
import { newToken } from "./token";

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1).max(100),
  // No box ticked sends no field at all.
  scopes: z.preprocess(
    (value) => value ?? [],
    z.array(z.enum(apiScopes)).min(1, "errors.chooseAtLeastOne"),
  ),
});
export const apiKeyIdInput = z.object({ id: z.uuid() });

/**
 * Creates a key and returns its token: the only time the secret exists outside the caller's
 * memory. The audit event names the key and its scopes, never the secret.
 */
export async function createApiKey(ctx: TenantContext, input: z.infer<typeof createApiKeyInput>) {
  const { tx, orgId, audit } = ctx;
  const { prefix, token, secretHash } = newToken();
  const scopes = [...new Set(input.scopes)].sort();
  const [row] = await tx
    .insert(apiKeys)
    .values({ orgId, name: input.name, prefix, secretHash, scopes, createdBy: actingUser(ctx) })
    .returning({ id: apiKeys.id });
  await audit({
    action: "api_key.created",
    targetType: "api_key",
    targetId: row.id,
    details: { prefix, scopes },
  });
  return { id: row.id, name: input.name, prefix, token, scopes };
}

/** Revokes a key at once: the next request with it gets 401. Revoking twice is refused. */
export async function revokeApiKey({ tx, orgId, audit }: TenantContext, id: string) {
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, prefix: apiKeys.prefix });
  if (!row) throw new AppError("notFound");
  await audit({
    action: "api_key.revoked",
    targetType: "api_key",
    targetId: row.id,
    details: { prefix: row.prefix },
  });
}

/** Every key of the organisation, newest first, with who created it (never the hash). */
export async function listApiKeys(tx: Tx, orgId: string) {
  return tx
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      createdBy: users.name,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.orgId, orgId))
    .orderBy(desc(apiKeys.createdAt));
}
export type ApiKeyRow = Awaited<ReturnType<typeof listApiKeys>>[number];
