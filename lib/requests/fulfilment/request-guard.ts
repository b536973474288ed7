import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { dataSubjectRequests, type RequestType } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { moveRequest } from "../commands";
import type { TenantContext } from "@/lib/core/tenancy/context";

export type FulfilmentRequest = typeof dataSubjectRequests.$inferSelect & { customerId: string };

/** Which fulfilment each request type gets. */
export const fulfilmentOf = (type: RequestType) =>
  type === "access" || type === "portability"
    ? "export"
    : type === "rectification"
      ? "rectification"
      : type === "erasure" || type === "account_cancellation"
        ? "erasure"
        : type === "withdraw_consent" ||
            type === "objection" ||
            type === "restriction" ||
            type === "opt_out_sale_sharing" ||
            type === "limit_sensitive"
          ? "consent"
          : "none";

export async function requestRow(tx: Tx, orgId: string, requestId: string, lock = false) {
  const query = tx
    .select()
    .from(dataSubjectRequests)
    .where(and(eq(dataSubjectRequests.orgId, orgId), eq(dataSubjectRequests.id, requestId)));
  const [row] = await (lock ? query.for("update") : query);
  return row;
}

/**
 * The request a fulfilment step acts on, locked: it must exist, be of a type that step serves,
 * name a customer, and have a verified requester. A verified request moves to "in progress"
 * (audited as a status change) when the first step starts; a closed one refuses.
 */
export async function requestForFulfilment(
  ctx: TenantContext,
  requestId: string,
  kind: ReturnType<typeof fulfilmentOf>,
): Promise<FulfilmentRequest> {
  const row = await requestRow(ctx.tx, ctx.orgId, requestId, true);
  if (!row) throw new AppError("notFound");
  if (fulfilmentOf(row.type) !== kind || !row.customerId) throw new AppError("conflict");
  if (row.status === "verified") {
    await moveRequest(ctx, requestId, "in_progress");
    return { ...row, status: "in_progress", customerId: row.customerId };
  }
  if (row.status !== "in_progress") throw new AppError("conflict");
  return { ...row, customerId: row.customerId };
}
