import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { customers } from "@/db/schema";
import { unfulfilled } from "./completion";
import { refusablePurposes } from "./consent";
import { erasurePreview, vendorTasksOf } from "./erasure";
import { latestExport } from "./exports";
import { erasureExplanation } from "./holds";
import { rectificationsOf } from "./rectification";
import { fulfilmentOf, requestRow } from "./request-guard";

/** Everything the request page's fulfilment section shows, for one request (undefined: none). */
export async function fulfilmentView(tx: Tx, orgId: string, requestId: string) {
  const request = await requestRow(tx, orgId, requestId);
  if (!request) return undefined;
  const kind = fulfilmentOf(request.type);
  const base = {
    requestId,
    kind,
    type: request.type,
    status: request.status,
    reference: request.reference,
    locale: request.locale,
    hasCustomer: request.customerId !== null,
    open: !["completed", "rejected"].includes(request.status),
    ready: request.status === "verified" || request.status === "in_progress",
    duplicate: request.duplicateOfId !== null,
  };
  const customerId = request.customerId;
  if (!customerId || kind === "none") return { ...base, blocker: null };
  const [customer] = await tx
    .select({ status: customers.status })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
  const erased = customer?.status === "erased";
  const blocker = await unfulfilled(tx, orgId, requestId);
  if (kind === "export")
    return { ...base, blocker, erased, export: (await latestExport(tx, orgId, requestId)) ?? null };
  if (kind === "rectification")
    return {
      ...base,
      blocker,
      erased,
      rectifications: await rectificationsOf(tx, orgId, requestId, customerId),
    };
  if (kind === "erasure") {
    const preview = await erasurePreview(tx, orgId, customerId);
    return {
      ...base,
      blocker,
      erased,
      preview,
      tasks: await vendorTasksOf(tx, orgId, requestId),
      explanation: erasureExplanation(
        request.locale,
        preview.holds.map((h) => h.hold),
      ),
    };
  }
  return {
    ...base,
    blocker,
    erased,
    purposes: erased ? [] : await refusablePurposes(tx, orgId, customerId, request.type),
  };
}

export type FulfilmentView = NonNullable<Awaited<ReturnType<typeof fulfilmentView>>>;
