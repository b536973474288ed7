import "server-only";
import type { Tx } from "@/db/client";
import { requestEvents, type RequestChannel } from "@/db/schema";
import type { ConsentChannel } from "@/db/schema/consent";
import { AppError } from "@/lib/core/errors";
import { recordConsentBatch } from "@/lib/consent/record";
import { consentStateOf } from "@/lib/consent/state";
import { requestForFulfilment } from "./request-guard";
import { actingUserId, type TenantContext } from "@/lib/core/tenancy/context";

/** The consent channel a request's channel corresponds to (how the customer told us). */
export const consentChannelFor: Record<RequestChannel, ConsentChannel> = {
  portal: "web", phone: "offline", email: "offline", letter: "offline", in_person: "offline", api: "api",
};

/** Purposes the customer can withdraw from: optional (not required) and granted now. */
export async function withdrawablePurposes(tx: Tx, orgId: string, customerId: string) {
  return (await consentStateOf(tx, orgId, customerId)).filter((p) => !p.required && p.status === "granted");
}

/**
 * Records the withdrawal of the chosen purposes as one staff batch of consent receipts (source
 * "staff", the reason naming the request's reference), through recordConsentBatch.
 */
export async function withdrawConsents(ctx: TenantContext, requestId: string, purposeIds: string[], now = new Date()): Promise<{ batchId: string; receipts: number }> {
  const staffUserId = actingUserId(ctx);
  if (!staffUserId) throw new AppError("forbidden");
  const request = await requestForFulfilment(ctx, requestId, "consent");
  const allowed = new Map((await withdrawablePurposes(ctx.tx, ctx.orgId, request.customerId)).map((p) => [p.purposeId, p]));
  const chosen = [...new Set(purposeIds)];
  if (chosen.length === 0 || chosen.some((id) => !allowed.has(id))) throw new AppError("invalid", { purposeIds: "choice" });
  const batch = await recordConsentBatch(ctx.tx, ctx.orgId, chosen.map((purposeId) => ({
    customerId: request.customerId, purposeId, action: "withdraw", policyVersionId: allowed.get(purposeId)!.policyVersionId,
    channel: consentChannelFor[request.channel], locale: request.locale, source: "staff", staffUserId,
    staffReason: `data-subject request ${request.reference}`, occurredAt: now.toISOString(),
  })), ctx.audit);
  await ctx.tx.insert(requestEvents).values({
    orgId: ctx.orgId, requestId, kind: "fulfilment", actorUserId: staffUserId, visibleToRequester: true,
    data: { step: "consent_withdrawn", purposes: chosen.length, batchId: batch.batchId },
  });
  return { batchId: batch.batchId, receipts: batch.receipts.length };
}
