import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { dataSubjectRequests } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { todayIso } from "@/lib/core/dates";
import { addRequestText, createRequest } from "../commands";
import { refusablePurposes } from "../fulfilment/consent";
import { canonicalValue, proposeRectification } from "../fulfilment/rectification";
import { notifyRequester } from "../notify";
import type { PortalRequestInput } from "./schemas";
import type { TenantContext } from "@/lib/core/tenancy/context";

export interface PortalSubmission {
  reference: string;
  /** Shown once; only its hash is stored. */
  token: string;
  /** The open request this one duplicates, when there is one. */
  duplicateOfReference: string | null;
}

/** The withdraw-consent choices: purposes the customer can withdraw now (optional, granted). */
export async function withdrawableFor(tx: Tx, orgId: string, customerId: string) {
  return (await refusablePurposes(tx, orgId, customerId, "withdraw_consent")).map((p) => ({
    id: p.purposeId,
    code: p.code,
    name: p.name,
  }));
}

/**
 * Records a portal request for a customer who proved who they are with a one-time code: the
 * request (received now, identity verified today, Beijing time), its type's details (purposes to withdraw, the
 * corrected values sealed as rectification proposals, a message sealed on the timeline) and the
 * "received" notice in the outbox — one transaction, every write audited as the customer.
 * A second open request of the same type is linked to the first and closed by createRequest.
 */
export async function submitPortalRequest(
  ctx: TenantContext,
  input: PortalRequestInput,
  locale: string,
  now = new Date(),
): Promise<PortalSubmission> {
  const { tx, orgId } = ctx;
  const customerId = ctx.actor.id;
  if (ctx.actor.type !== "customer")
    throw new Error("a verified customer submits a portal request");
  const today = todayIso(now);
  const details: Record<string, unknown> = {};
  if (input.type === "withdraw_consent") {
    const allowed = new Set((await withdrawableFor(tx, orgId, customerId)).map((p) => p.id));
    const chosen = [...new Set(input.purposeIds)];
    if (allowed.size > 0 && chosen.length === 0)
      throw new AppError("invalid", { purposeIds: "required" });
    if (chosen.some((id) => !allowed.has(id)))
      throw new AppError("invalid", { purposeIds: "choice" });
    details.purposeIds = chosen;
  }
  if (input.type === "rectification") {
    if (input.corrections.length === 0) throw new AppError("invalid", { corrections: "required" });
    for (const correction of input.corrections) {
      try {
        canonicalValue(correction.field, correction.value);
      } catch (error) {
        if (error instanceof AppError)
          throw new AppError("invalid", {
            [`correct_${correction.field}`]: error.fieldErrors?.value ?? "invalid",
          });
        throw error;
      }
    }
    details.fields = [...new Set(input.corrections.map((c) => c.field))];
  }
  if (input.type === "question" && !input.message)
    throw new AppError("invalid", { message: "required" });

  const created = await createRequest(ctx, {
    type: input.type,
    channel: "portal",
    customerId,
    locale,
    receivedAt: now,
    verifiedOn: today,
    identityMethod: "portal_code",
    details,
  });
  let duplicateOfReference: string | null = null;
  if (created.duplicateOf) {
    const [original] = await tx
      .select({ reference: dataSubjectRequests.reference })
      .from(dataSubjectRequests)
      .where(
        and(eq(dataSubjectRequests.orgId, orgId), eq(dataSubjectRequests.id, created.duplicateOf)),
      );
    duplicateOfReference = original?.reference ?? null;
  } else {
    for (const correction of input.corrections.filter(() => input.type === "rectification")) {
      const proposalId = await proposeRectification(
        tx,
        orgId,
        created.id,
        correction.field,
        correction.value,
      );
      await ctx.audit({
        action: "request.rectification_proposed",
        targetType: "request",
        targetId: created.id,
        details: { field: correction.field, rectificationId: proposalId },
      });
    }
    if (input.message)
      await addRequestText(ctx, created.id, "message_from_requester", input.message);
  }
  await notifyRequester(tx, orgId, created.id, "received", { trackingToken: created.token });
  return { reference: created.reference, token: created.token, duplicateOfReference };
}
