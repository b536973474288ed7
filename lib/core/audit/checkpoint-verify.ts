import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditEvents } from "@/db/schema";
import {
  verifyCheckpointSignature,
  type CheckpointPayload,
  type SignatureVerdict,
} from "./checkpoint-signature";
import { auditSigningKey } from "./signing-key";
import { verifyOrganizationChain } from "./verify-organization";

type SignatureFailure = Extract<SignatureVerdict, { valid: false }>["reason"];

export type CheckpointVerdict =
  | { ok: true; payload: CheckpointPayload }
  | {
      ok: false;
      reason: SignatureFailure | "otherOrganization" | "missingEvent" | "hashMismatch";
      payload?: CheckpointPayload;
    }
  | { ok: false; reason: "chainBroken"; brokenAt: number; payload: CheckpointPayload };

/**
 * A checkpoint still holds when its signature verifies with the trusted key, the event at its
 * sequence number still has the signed hash, and the chain up to that event is intact.
 * `tx` must be scoped to the checkpoint's organisation; the key defaults to this deployment's.
 */
export async function verifyCheckpointAgainstChain(
  tx: Tx,
  json: unknown,
  publicKeyPem?: string,
): Promise<CheckpointVerdict> {
  const signature = verifyCheckpointSignature(json, publicKeyPem ?? auditSigningKey().publicKeyPem);
  if (!signature.valid) return { ok: false, reason: signature.reason, payload: signature.payload };
  const { payload } = signature;
  const [{ orgId }] = (
    await tx.execute<{ orgId: string }>(sql`select current_setting('app.org_id', true) as "orgId"`)
  ).rows;
  if (orgId && orgId !== payload.orgId) return { ok: false, reason: "otherOrganization", payload };

  const [event] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, payload.orgId), eq(auditEvents.seq, payload.seq)));
  if (!event) return { ok: false, reason: "missingEvent", payload };
  if (event.hash !== payload.hash) return { ok: false, reason: "hashMismatch", payload };

  const chain = await verifyOrganizationChain(tx, payload.orgId, { upTo: payload.seq });
  if (!chain.intact)
    return {
      ok: false,
      reason: "chainBroken",
      brokenAt: chain.reason === "broken" ? chain.brokenAt : chain.checkpoint,
      payload,
    };
  // An intact prefix that ends early means events before the checkpoint disappeared.
  if (chain.lastSeq !== payload.seq || chain.lastHash !== payload.hash)
    return { ok: false, reason: "chainBroken", brokenAt: chain.lastSeq + 1, payload };
  return { ok: true, payload };
}
