import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { customers, requestEvents, requestRectifications } from "@/db/schema";
import { dataKeyFor, existingDataKey } from "@/lib/core/crypto/data-keys";
import { decryptField, encryptField } from "@/lib/core/crypto/field";
import { AppError } from "@/lib/core/errors";
import { issueMessage } from "@/lib/core/validation/issue-message";
import { auditEachUpsert, upsertCustomers } from "@/lib/customers/commands";
import { personalFieldNames, personalFields, type PersonalField } from "@/lib/customers/fields";
import { customerInput } from "@/lib/customers/schemas";
import { openStatuses } from "../transitions";
import { fulfilmentOf, requestForFulfilment, requestRow } from "./request-guard";
import { actingUserId, type TenantContext } from "@/lib/core/tenancy/context";

const place = (orgId: string, id: string) => ({
  orgId,
  table: "request_rectifications",
  column: "proposed_enc",
  rowId: id,
});

export const isPersonalField = (field: string): field is PersonalField =>
  (personalFieldNames as string[]).includes(field);

/**
 * A proposed value in the vault's canonical form (E.164 phone, lower-case email, …), validated
 * as the vault would; throws AppError("invalid", { value: <errors key> }) otherwise.
 */
export function canonicalValue(field: PersonalField, value: string): string {
  const parsed = customerInput.shape[field].safeParse(value);
  if (!parsed.success || typeof parsed.data !== "string") {
    throw new AppError("invalid", {
      value: parsed.success ? "required" : issueMessage(parsed.error.issues[0]).key,
    });
  }
  return parsed.data;
}

/**
 * The requester's (or, taken by phone, staff's) corrected value for one field of the vault,
 * sealed under the customer's data key; a second proposal for the same field replaces a pending
 * one. The CALLER audits (no value in any audit detail). Returns the proposal's id.
 */
export async function proposeRectification(
  tx: Tx,
  orgId: string,
  requestId: string,
  field: string,
  value: string,
): Promise<string> {
  if (!isPersonalField(field)) throw new AppError("invalid", { field: "choice" });
  const canonical = canonicalValue(field, value);
  const request = await requestRow(tx, orgId, requestId, true);
  if (!request) throw new AppError("notFound");
  if (
    fulfilmentOf(request.type) !== "rectification" ||
    !request.customerId ||
    !openStatuses.includes(request.status)
  )
    throw new AppError("conflict");
  const [existing] = await tx
    .select({ id: requestRectifications.id, decision: requestRectifications.decision })
    .from(requestRectifications)
    .where(
      and(
        eq(requestRectifications.orgId, orgId),
        eq(requestRectifications.requestId, requestId),
        eq(requestRectifications.field, field),
      ),
    );
  if (existing && existing.decision !== "pending") throw new AppError("conflict");
  const id = existing?.id ?? randomUUID();
  const proposedEnc = encryptField(
    await dataKeyFor(tx, orgId, request.customerId),
    canonical,
    place(orgId, id),
  );
  await tx
    .insert(requestRectifications)
    .values({ orgId, id, requestId, field, proposedEnc })
    .onConflictDoUpdate({
      target: [requestRectifications.orgId, requestRectifications.id],
      set: { proposedEnc, updatedAt: new Date() },
    });
  return id;
}

/**
 * The proposals of a request for staff: field, decision, the stored mask of the current value
 * and the proposed value (decrypted with one key; null once the customer is erased).
 */
export async function rectificationsOf(
  tx: Tx,
  orgId: string,
  requestId: string,
  customerId: string,
) {
  const rows = await tx
    .select()
    .from(requestRectifications)
    .where(
      and(eq(requestRectifications.orgId, orgId), eq(requestRectifications.requestId, requestId)),
    )
    .orderBy(asc(requestRectifications.createdAt), asc(requestRectifications.id));
  if (rows.length === 0) return [];
  const [current] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
  const key = await existingDataKey(tx, orgId, customerId).catch(() => null);
  return rows.map((row) => {
    const field = row.field as PersonalField;
    let proposed: string | null = null;
    if (key && row.proposedEnc) {
      try {
        proposed = decryptField(key, row.proposedEnc, place(orgId, row.id));
      } catch {
        proposed = null;
      }
    }
    const currentMasked =
      current && isPersonalField(field)
        ? (current[personalFields[field].masked] as string | null)
        : null;
    return {
      id: row.id,
      field,
      decision: row.decision,
      decidedAt: row.decidedAt,
      proposed,
      currentMasked,
    };
  });
}

export type Rectification = Awaited<ReturnType<typeof rectificationsOf>>[number];

/**
 * Approves or rejects one proposal. Approval writes the vault through upsertCustomers (so the
 * ciphertext, blind index and mask follow) and audits customer.updated with the field name; the
 * decision is audited with the field name and decision only.
 */
export async function decideRectification(
  ctx: TenantContext,
  requestId: string,
  rectificationId: string,
  decision: "approved" | "rejected",
): Promise<void> {
  const request = await requestForFulfilment(ctx, requestId, "rectification");
  const [row] = await ctx.tx
    .select()
    .from(requestRectifications)
    .where(
      and(
        eq(requestRectifications.orgId, ctx.orgId),
        eq(requestRectifications.requestId, requestId),
        eq(requestRectifications.id, rectificationId),
      ),
    )
    .for("update");
  if (!row || row.decision !== "pending" || !isPersonalField(row.field))
    throw new AppError("conflict");
  if (decision === "approved") {
    if (!row.proposedEnc) throw new AppError("conflict");
    const value = decryptField(
      await existingDataKey(ctx.tx, ctx.orgId, request.customerId),
      row.proposedEnc,
      place(ctx.orgId, row.id),
    );
    const [customer] = await ctx.tx
      .select({ externalRef: customers.externalRef, status: customers.status })
      .from(customers)
      .where(and(eq(customers.orgId, ctx.orgId), eq(customers.id, request.customerId)));
    if (!customer || customer.status === "erased") throw new AppError("conflict");
    const results = await upsertCustomers(ctx.tx, ctx.orgId, [
      { externalRef: customer.externalRef, [row.field]: value },
    ]);
    await auditEachUpsert(ctx, results);
  }
  await ctx.tx
    .update(requestRectifications)
    .set({ decision, decidedBy: actingUserId(ctx), decidedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(requestRectifications.orgId, ctx.orgId), eq(requestRectifications.id, row.id)));
  await ctx.tx.insert(requestEvents).values({
    orgId: ctx.orgId,
    requestId,
    kind: "fulfilment",
    actorUserId: actingUserId(ctx),
    visibleToRequester: true,
    data: { step: "rectification", field: row.field, decision },
  });
  await ctx.audit({
    action: "request.rectification_decided",
    targetType: "request",
    targetId: requestId,
    details: { field: row.field, decision },
  });
}

/** Pending proposals left on a request. */
export async function pendingRectifications(
  tx: Tx,
  orgId: string,
  requestId: string,
): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(requestRectifications)
    .where(
      and(
        eq(requestRectifications.orgId, orgId),
        eq(requestRectifications.requestId, requestId),
        eq(requestRectifications.decision, "pending"),
      ),
    );
  return row.n;
}
