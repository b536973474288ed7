import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { customers, requestEvents, requestExports, requestVendorTasks } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { moveRequest } from "../commands";
import { notifyRequester } from "../notify";
import { recordOnCompletion } from "./consent";
import { pendingRectifications } from "./rectification";
import { fulfilmentOf, requestRow } from "./request-guard";
import type { TenantContext } from "@/lib/core/tenancy/context";

export type Unfulfilled =
  "notErased" | "openVendorTasks" | "noPackage" | "pendingRectifications" | "noAnswer";

/** A request whose fulfilment is not finished cannot be completed. */
export class NotFulfilledError extends AppError {
  constructor(readonly reason: Unfulfilled) {
    super("conflict", undefined, reason);
    this.name = "NotFulfilledError";
  }
}

/** What still stands between the request and completion (null: nothing). */
export async function unfulfilled(
  tx: Tx,
  orgId: string,
  requestId: string,
): Promise<Unfulfilled | null> {
  const request = await requestRow(tx, orgId, requestId);
  if (!request) throw new AppError("notFound");
  const kind = fulfilmentOf(request.type);
  if (request.duplicateOfId) return null;
  // A question is answered by a message on the requester's tracking page; closing it silently is not an answer.
  if (request.type === "question")
    return (await answersTo(tx, orgId, requestId)) > 0 ? null : "noAnswer";
  if (!request.customerId) return null;
  if (kind === "erasure") {
    const [customer] = await tx
      .select({ status: customers.status })
      .from(customers)
      .where(and(eq(customers.orgId, orgId), eq(customers.id, request.customerId)));
    if (customer?.status !== "erased") return "notErased";
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(requestVendorTasks)
      .where(
        and(
          eq(requestVendorTasks.orgId, orgId),
          eq(requestVendorTasks.requestId, requestId),
          eq(requestVendorTasks.status, "open"),
        ),
      );
    return open.n > 0 ? "openVendorTasks" : null;
  }
  if (kind === "export") {
    const [built] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(requestExports)
      .where(
        and(
          eq(requestExports.orgId, orgId),
          eq(requestExports.requestId, requestId),
          sql`${requestExports.status} in ('ready', 'expired')`,
        ),
      );
    return built.n > 0 ? null : "noPackage";
  }
  if (kind === "rectification")
    return (await pendingRectifications(tx, orgId, requestId)) > 0 ? "pendingRectifications" : null;
  return null;
}

async function answersTo(tx: Tx, orgId: string, requestId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(requestEvents)
    .where(
      and(
        eq(requestEvents.orgId, orgId),
        eq(requestEvents.requestId, requestId),
        eq(requestEvents.kind, "message_to_requester"),
      ),
    );
  return row.n;
}

/**
 * Refuses (NotFulfilledError, a conflict) to let a request be completed while its fulfilment is
 * unfinished: an erasure not run or with vendor tasks neither confirmed nor marked not
 * applicable, an access request without a built package, a rectification with undecided fields,
 * a question with no answer sent to the requester.
 * Any action that completes a request calls this first, in its transaction.
 */
export async function assertFulfilled(tx: Tx, orgId: string, requestId: string): Promise<void> {
  const reason = await unfulfilled(tx, orgId, requestId);
  if (reason) throw new NotFulfilledError(reason);
}

/**
 * The one way a request is completed: after checking its fulfilment (a CCPA opt-out or limitation
 * records itself for every purpose it still reaches), audited as request.completed by
 * moveRequest, and the requester told.
 */
export async function completeFulfilledRequest(
  ctx: TenantContext,
  requestId: string,
): Promise<void> {
  await requestRow(ctx.tx, ctx.orgId, requestId, true);
  await assertFulfilled(ctx.tx, ctx.orgId, requestId);
  await recordOnCompletion(ctx, requestId);
  await moveRequest(ctx, requestId, "completed");
  await notifyRequester(ctx.tx, ctx.orgId, requestId, "completed");
}
