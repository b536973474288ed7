import "server-only";
import type { Tx } from "@/db/client";
import { and, eq } from "drizzle-orm";
import { customers, requestEvents, type RequestChannel, type RequestType } from "@/db/schema";
import type { ConsentAction, ConsentChannel } from "@/db/schema/consent";
import { AppError } from "@/lib/core/errors";
import { recordConsentBatch } from "@/lib/consent/record";
import { restrictionReaches } from "@/lib/consent/legal-bases";
import { customerConsent, type PurposeConsent } from "@/lib/consent/state";
import { impliesSensitive } from "@/lib/data-categories/options";
import { requestForFulfilment, requestRow } from "./request-guard";
import { actingUserId, type TenantContext } from "@/lib/core/tenancy/context";

/** The consent channel a request's channel corresponds to (how the customer told us). */
export const consentChannelFor: Record<RequestChannel, ConsentChannel> = {
  portal: "web",
  phone: "offline",
  email: "offline",
  letter: "offline",
  in_person: "offline",
  api: "api",
};

/** A purpose a request can act on, and the receipt that records the customer's refusal of it. */
export interface RefusablePurpose extends PurposeConsent {
  refusal: Extract<ConsentAction, "withdraw" | "deny">;
}

/** The timeline step each request type records (the requester's tracking page names it). */
const stepOf = {
  withdraw_consent: "consent_withdrawn",
  objection: "objection_recorded",
  restriction: "restriction_recorded",
  opt_out_sale_sharing: "opt_out_recorded",
  limit_sensitive: "limitation_recorded",
} as const;
type RefusalType = keyof typeof stepOf;
const isRefusalType = (type: RequestType): type is RefusalType => type in stepOf;

/**
 * The purposes a request of this type can record the customer's refusal of (optional ones only):
 * - a purpose they granted: its consent is withdrawn (every type; PIPL Art. 15, GDPR Art. 7(3));
 * - objection and restriction also reach processing that needs no consent but that the customer
 *   may refuse or have restricted — legitimate interest (GDPR Arts. 18, 21) and opt-out (CCPA
 *   §1798.120), as the consent decision reads the purpose's basis under the customer's laws —
 *   while it still runs for them: recorded as a "deny", the customer's objection or restriction,
 *   which the decision then honours ("objected", "denied"). PIPL has neither basis: a PIPL
 *   customer's restriction or refusal (Art. 44) reaches what they consented to and what runs on a
 *   basis the law lets them restrict (contract; disclosed information, Art. 27), never what a
 *   legal duty, an emergency, news reporting or another law keeps running (`restrictable`);
 * - a CCPA opt-out of sale and sharing reaches exactly the purposes on opt-out (§1798.120);
 * - a CCPA request to limit the use of sensitive personal information reaches the purposes using a
 *   category CPRA calls sensitive that the customer could refuse: on opt-out (denied) or a consent
 *   they granted (withdrawn) (§1798.121). One declared on notice is a use §7027(m) permits
 *   without an opt-out, which the limitation leaves running.
 */
export async function refusablePurposes(
  tx: Tx,
  orgId: string,
  customerId: string,
  type: RequestType = "withdraw_consent",
): Promise<RefusablePurpose[]> {
  const {
    standing: { laws },
    purposes,
  } = await customerConsent(tx, orgId, customerId);
  return purposes.flatMap((p): RefusablePurpose[] => {
    if (p.required) return [];
    const model = p.choice?.model;
    if (type === "opt_out_sale_sharing")
      return model === "opt_out" && p.allowed ? [{ ...p, refusal: "deny" }] : [];
    if (type === "limit_sensitive") {
      if (!p.allowed || !impliesSensitive(p.dataCategories, "CCPA")) return [];
      return p.status === "granted"
        ? [{ ...p, refusal: "withdraw" }]
        : model === "opt_out"
          ? [{ ...p, refusal: "deny" }]
          : [];
    }
    if (p.status === "granted") return [{ ...p, refusal: "withdraw" }];
    const refusable =
      model === "objection" ||
      model === "opt_out" ||
      (model === "none" && restrictionReaches(laws, p.bases));
    if ((type === "objection" || type === "restriction") && p.allowed && refusable)
      return [{ ...p, refusal: "deny" }];
    return [];
  });
}

/**
 * Records the customer's refusal of the chosen purposes (withdrawal, objection or restriction,
 * per refusablePurposes) as one staff batch of consent receipts (source "staff", the reason
 * naming the request's reference), through recordConsentBatch: the one way a choice is recorded.
 */
export async function recordRefusals(
  ctx: TenantContext,
  requestId: string,
  purposeIds: string[],
  now = new Date(),
): Promise<{ batchId: string; receipts: number }> {
  const staffUserId = actingUserId(ctx);
  if (!staffUserId) throw new AppError("forbidden");
  const request = await requestForFulfilment(ctx, requestId, "consent");
  if (!isRefusalType(request.type)) throw new AppError("conflict");
  const allowed = new Map(
    (await refusablePurposes(ctx.tx, ctx.orgId, request.customerId, request.type)).map((p) => [
      p.purposeId,
      p,
    ]),
  );
  const chosen = [...new Set(purposeIds)];
  if (chosen.length === 0 || chosen.some((id) => !allowed.has(id)))
    throw new AppError("invalid", { purposeIds: "choice" });
  const batch = await recordConsentBatch(
    ctx.tx,
    ctx.orgId,
    chosen.map((purposeId) => ({
      customerId: request.customerId,
      purposeId,
      action: allowed.get(purposeId)!.refusal,
      policyVersionId: allowed.get(purposeId)!.policyVersionId,
      channel: consentChannelFor[request.channel],
      locale: request.locale,
      source: "staff",
      staffUserId,
      staffReason: `data-subject request ${request.reference}`,
      occurredAt: now.toISOString(),
    })),
    ctx.audit,
  );
  await ctx.tx.insert(requestEvents).values({
    orgId: ctx.orgId,
    requestId,
    kind: "fulfilment",
    actorUserId: staffUserId,
    visibleToRequester: true,
    data: { step: stepOf[request.type], purposes: chosen.length, batchId: batch.batchId },
  });
  return { batchId: batch.batchId, receipts: batch.receipts.length };
}

/** CCPA opt-out and limitation requests are complied with in full, not purpose by purpose (§§1798.120, 1798.121). */
const completedInFull = (type: RequestType): type is "opt_out_sale_sharing" | "limit_sensitive" =>
  type === "opt_out_sale_sharing" || type === "limit_sensitive";

/**
 * Completing an opt-out of sale and sharing or a limitation of sensitive information records it
 * for every purpose it still reaches (recordRefusals: receipts, consent state, audit, the
 * requester's timeline), so the check answers "denied" from then on. Each also stands for the
 * customer (`customers.sale_opt_out_at`, `sensitive_limit_at`): its effect is "do not sell or
 * share" or "limit the use of my sensitive information", so a purpose created later is reached
 * too (§§1798.120(d), 1798.121(b)). Nothing for
 * other types or an erased customer; no receipts when every purpose it reaches was recorded already.
 */
export async function recordOnCompletion(
  ctx: TenantContext,
  requestId: string,
  now = new Date(),
): Promise<{ batchId: string; receipts: number } | null> {
  const request = await requestRow(ctx.tx, ctx.orgId, requestId);
  if (!request?.customerId || !completedInFull(request.type)) return null;
  if (await customerErased(ctx.tx, ctx.orgId, request.customerId)) return null;
  const reached = await refusablePurposes(ctx.tx, ctx.orgId, request.customerId, request.type);
  const recorded =
    reached.length === 0
      ? null
      : await recordRefusals(
          ctx,
          requestId,
          reached.map((p) => p.purposeId),
          now,
        );
  // After the receipts: recordRefusals reads which purposes are still allowed.
  await ctx.tx
    .update(customers)
    .set(
      request.type === "opt_out_sale_sharing"
        ? { saleOptOutAt: now.toISOString() }
        : { sensitiveLimitAt: now.toISOString() },
    )
    .where(and(eq(customers.orgId, ctx.orgId), eq(customers.id, request.customerId)));
  return recorded;
}

async function customerErased(tx: Tx, orgId: string, customerId: string): Promise<boolean> {
  const [customer] = await tx
    .select({ status: customers.status })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
  return customer?.status === "erased";
}
