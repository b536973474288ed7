import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { dataSubjectRequests, type RequestStatus, type RequestType } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { AppError } from "@/lib/core/errors";
import { newTrackingToken } from "../tracking-token";
import type { TenantContext } from "@/lib/core/tenancy/context";

/** How many of a requester's requests the portal lists (newest first). */
export const REQUESTS_LISTED = 20;

export interface RequesterRequest {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  receivedOn: string;
}

/** The verified portal visitor's own requests, newest first: only what their tracking page shows too. */
export async function requestsOfRequester(
  orgId: string,
  customerId: string,
): Promise<RequesterRequest[]> {
  return withTenant(orgId, (tx) =>
    tx
      .select({
        id: dataSubjectRequests.id,
        reference: dataSubjectRequests.reference,
        type: dataSubjectRequests.type,
        status: dataSubjectRequests.status,
        receivedOn: dataSubjectRequests.receivedOn,
      })
      .from(dataSubjectRequests)
      .where(
        and(eq(dataSubjectRequests.orgId, orgId), eq(dataSubjectRequests.customerId, customerId)),
      )
      .orderBy(desc(dataSubjectRequests.createdAt), desc(dataSubjectRequests.id))
      .limit(REQUESTS_LISTED),
  );
}

/**
 * A requester who lost their tracking link and proved who they are again (a one-time code) gets a
 * new one: a fresh token replaces the stored hash, so a lost or leaked link stops working. Only
 * the customer's own request (ctx.actor, the verified customer); anything else is "not found".
 */
export async function renewTrackingLink(
  ctx: TenantContext,
  requestId: string,
): Promise<{ reference: string; token: string }> {
  if (ctx.actor.type !== "customer")
    throw new Error("a verified customer renews their own tracking link");
  const { token, hash } = newTrackingToken();
  const [row] = await ctx.tx
    .update(dataSubjectRequests)
    .set({ trackingTokenHash: hash, updatedAt: sql`now()` })
    .where(
      and(
        eq(dataSubjectRequests.orgId, ctx.orgId),
        eq(dataSubjectRequests.id, requestId),
        eq(dataSubjectRequests.customerId, ctx.actor.id),
      ),
    )
    .returning({ id: dataSubjectRequests.id, reference: dataSubjectRequests.reference });
  if (!row) throw new AppError("notFound");
  await ctx.audit({
    action: "request.tracking_link_renewed",
    targetType: "request",
    targetId: row.id,
  });
  return { reference: row.reference, token };
}
