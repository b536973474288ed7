import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  customers,
  dataSubjectRequests,
  organizations,
  requestEvents,
  type IdentityMethod,
  type RequestChannel,
  type RequestStatus,
  type RequestType,
} from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { ORG_TIME_ZONE, todayIso } from "@/lib/core/dates";
import { applicableLaws } from "@/lib/customers/applicable-laws";
import { clockRuleFor } from "./clock-rules";
import { clockOf, refreshDueDate } from "./clock";
import { receiptDate } from "./clocks";
import { piplPeriodFor } from "./clock-settings";
import { lawsOffering } from "./request-types";
import { nextReference } from "./reference";
import { sealRequestText } from "./sealed-text";
import { newTrackingToken } from "./tracking-token";
import { canMove, openStatuses } from "./transitions";
import { actingUserId, type TenantContext } from "@/lib/core/tenancy/context";

export interface NewRequest {
  type: RequestType;
  channel: RequestChannel;
  customerId: string | null;
  locale: string;
  /** The instant the request reached us (staff enter it with its zone; the portal uses now). */
  receivedAt: Date;
  /** Set when identity is already established (portal code, staff checks at intake). */
  verifiedOn: string | null;
  identityMethod: IdentityMethod | null;
  details?: Record<string, unknown>;
}

type RequestRow = typeof dataSubjectRequests.$inferSelect;
const byId = (orgId: string, id: string) =>
  and(eq(dataSubjectRequests.orgId, orgId), eq(dataSubjectRequests.id, id));

async function event(
  ctx: TenantContext,
  requestId: string,
  values: Omit<typeof requestEvents.$inferInsert, "orgId" | "requestId">,
): Promise<string> {
  // clock_timestamp, not now(): the steps of one transaction keep their order on the timeline.
  const [row] = await ctx.tx
    .insert(requestEvents)
    .values({
      orgId: ctx.orgId,
      requestId,
      actorUserId: actingUserId(ctx),
      createdAt: sql`clock_timestamp()` as never,
      ...values,
    })
    .returning({ id: requestEvents.id });
  return row.id;
}

/**
 * Records a request. Its clocks follow the laws that apply to the customer (lib/customers/
 * applicable-laws) and offer the request's type; a type none of them offers is refused. The
 * organisation's GDPR zone and PIPL period are kept on the request as its clock terms. A second open
 * request of the same type from the same customer is recorded, linked to the first and closed,
 * so it is never processed twice. Returns the tracking token: shown once, stored only hashed.
 */
export async function createRequest(
  ctx: TenantContext,
  input: NewRequest,
): Promise<{ id: string; reference: string; token: string; duplicateOf: string | null }> {
  const [org] = await ctx.tx
    .select({
      jurisdictions: organizations.jurisdictions,
      gdprTimeZone: organizations.gdprTimeZone,
      piplPeriods: organizations.piplPeriods,
    })
    .from(organizations)
    .where(eq(organizations.id, ctx.orgId));
  const [customer] = input.customerId
    ? await ctx.tx
        .select({ laws: customers.laws, region: customers.region, status: customers.status })
        .from(customers)
        .where(and(eq(customers.orgId, ctx.orgId), eq(customers.id, input.customerId)))
    : [];
  if (input.customerId && !customer) throw new AppError("notFound");
  const applicable = applicableLaws(customer ?? null, org.jurisdictions);
  const laws = lawsOffering(input.type, applicable.laws);
  if (laws.length === 0)
    throw new AppError("invalid", { type: "typeNotUnderLaw" }, "typeNotUnderLaw");
  const clockTerms = {
    gdprTimeZone: org.gdprTimeZone,
    piplPeriod: piplPeriodFor(org.piplPeriods, input.type),
  };
  const receivedOn = receiptDate(input.receivedAt, ORG_TIME_ZONE);
  const [original] = input.customerId
    ? await ctx.tx
        .select({ id: dataSubjectRequests.id, reference: dataSubjectRequests.reference })
        .from(dataSubjectRequests)
        .where(
          and(
            eq(dataSubjectRequests.orgId, ctx.orgId),
            eq(dataSubjectRequests.customerId, input.customerId),
            eq(dataSubjectRequests.type, input.type),
            inArray(dataSubjectRequests.status, [...openStatuses]),
            sql`${dataSubjectRequests.duplicateOfId} is null`,
          ),
        )
        .limit(1)
    : [];

  const { token, hash } = newTrackingToken();
  const reference = await nextReference(ctx.tx, ctx.orgId, receivedOn);
  const status: RequestStatus = original
    ? "completed"
    : input.verifiedOn
      ? "verified"
      : input.customerId
        ? "awaiting_identity"
        : "received";
  const [row] = await ctx.tx
    .insert(dataSubjectRequests)
    .values({
      orgId: ctx.orgId,
      reference,
      type: input.type,
      status,
      law: laws[0],
      laws,
      lawsBasis: applicable.basis,
      clockTerms,
      customerId: input.customerId,
      channel: input.channel,
      locale: input.locale,
      receivedAt: input.receivedAt,
      receivedOn,
      verifiedOn: input.verifiedOn,
      identityMethod: input.identityMethod,
      details: input.details ?? {},
      trackingTokenHash: hash,
      duplicateOfId: original?.id ?? null,
      createdBy: actingUserId(ctx),
      closedAt: original ? sql`now()` : null,
    })
    .returning({ id: dataSubjectRequests.id });

  await event(ctx, row.id, {
    kind: "created",
    toStatus: status,
    visibleToRequester: true,
    data: { channel: input.channel },
  });
  await ctx.audit({
    action: "request.created",
    targetType: "request",
    targetId: row.id,
    details: { type: input.type, channel: input.channel, reference },
  });
  if (original) {
    await event(ctx, row.id, {
      kind: "duplicate_linked",
      visibleToRequester: true,
      data: { originalId: original.id, originalReference: original.reference },
    });
    await ctx.audit({
      action: "request.duplicate_linked",
      targetType: "request",
      targetId: row.id,
      details: { originalId: original.id },
    });
  } else {
    await refreshDueDate(ctx.tx, ctx.orgId, row.id);
  }
  return { id: row.id, reference, token, duplicateOf: original?.id ?? null };
}

async function load(ctx: TenantContext, id: string): Promise<RequestRow> {
  const [row] = await ctx.tx
    .select()
    .from(dataSubjectRequests)
    .where(byId(ctx.orgId, id))
    .for("update");
  if (!row) throw new AppError("notFound");
  return row;
}

/**
 * Moves a request along its workflow. Waiting for the requester pauses the clock; leaving that
 * state resumes it (the closed pause is kept on the timeline). Rejection needs a reason.
 */
export async function moveRequest(
  ctx: TenantContext,
  id: string,
  to: RequestStatus,
  opts: { reason?: string; today?: string } = {},
): Promise<void> {
  const today = opts.today ?? todayIso();
  const current = await load(ctx, id);
  if (!canMove(current.status, to)) throw new AppError("conflict");
  if (to === "rejected" && !opts.reason?.trim())
    throw new AppError("invalid", { reason: "required" });

  const patch: Partial<typeof dataSubjectRequests.$inferInsert> = {
    status: to,
    updatedAt: sql`now()` as never,
  };
  if (to === "awaiting_requester") patch.pausedSince = today;
  if (current.status === "awaiting_requester" && current.pausedSince) {
    patch.pausedSince = null;
    await event(ctx, id, {
      kind: "resumed",
      data: { pausedFrom: current.pausedSince, resumedOn: today },
    });
  }
  if (to === "rejected") patch.rejectionReason = opts.reason!.trim();
  if (to === "completed" || to === "rejected") patch.closedAt = sql`now()` as never;
  if (to === "verified" && !current.verifiedOn) patch.verifiedOn = today;
  await ctx.tx.update(dataSubjectRequests).set(patch).where(byId(ctx.orgId, id));

  await event(ctx, id, {
    kind: to === "awaiting_requester" ? "paused" : "status_changed",
    fromStatus: current.status,
    toStatus: to,
    visibleToRequester: true,
  });
  const action =
    to === "rejected"
      ? "request.rejected"
      : to === "completed"
        ? "request.completed"
        : "request.status_changed";
  await ctx.audit({
    action,
    targetType: "request",
    targetId: id,
    details: { from: current.status, to },
  });
  await refreshDueDate(ctx.tx, ctx.orgId, id, today);
}

/** Records how the requester's identity was established; a PIPL clock starts on this day. */
export async function verifyIdentity(
  ctx: TenantContext,
  id: string,
  method: IdentityMethod,
  verifiedOn = todayIso(),
): Promise<void> {
  const current = await load(ctx, id);
  if (!canMove(current.status, "verified")) throw new AppError("conflict");
  await ctx.tx
    .update(dataSubjectRequests)
    .set({ status: "verified", verifiedOn, identityMethod: method, updatedAt: sql`now()` as never })
    .where(byId(ctx.orgId, id));
  await event(ctx, id, {
    kind: "identity_verified",
    fromStatus: current.status,
    toStatus: "verified",
    visibleToRequester: true,
    data: { method, verifiedOn },
  });
  await ctx.audit({
    action: "request.identity_verified",
    targetType: "request",
    targetId: id,
    details: { method },
  });
  await refreshDueDate(ctx.tx, ctx.orgId, id);
}

/**
 * Records that staff acknowledged receipt by other means (the requester has no contact a notice
 * can reach): once, while the request is open; on the timeline and audited with the channel only.
 */
export async function acknowledgeRequest(
  ctx: TenantContext,
  id: string,
  channel: string,
): Promise<void> {
  const current = await load(ctx, id);
  if (!openStatuses.includes(current.status) || current.acknowledgedAt)
    throw new AppError("conflict");
  await ctx.tx
    .update(dataSubjectRequests)
    .set({ acknowledgedAt: sql`now()` as never, updatedAt: sql`now()` as never })
    .where(byId(ctx.orgId, id));
  await event(ctx, id, { kind: "acknowledged", data: { channel } });
  await ctx.audit({
    action: "request.acknowledged",
    targetType: "request",
    targetId: id,
    details: { channel },
  });
}

export async function assignRequest(
  ctx: TenantContext,
  id: string,
  assigneeId: string | null,
): Promise<void> {
  await load(ctx, id);
  await ctx.tx
    .update(dataSubjectRequests)
    .set({ assigneeId, updatedAt: sql`now()` as never })
    .where(byId(ctx.orgId, id));
  await event(ctx, id, { kind: "assigned", data: { assigneeId } });
  await ctx.audit({
    action: "request.assigned",
    targetType: "request",
    targetId: id,
    details: { assigneeId },
  });
}

/**
 * Extends the deadline once, where the law allows it, with a reason, decided before the original
 * due date; the requester is told through a message on the timeline (and the outbox).
 */
export async function extendRequest(
  ctx: TenantContext,
  id: string,
  reason: string,
  today = todayIso(),
): Promise<string> {
  const current = await load(ctx, id);
  const rule = clockRuleFor(current.law, current.type, current.clockTerms).extension;
  if (!rule || current.extended || !openStatuses.includes(current.status))
    throw new AppError("conflict");
  const clock = await clockOf(ctx.tx, ctx.orgId, current, today);
  if (clock.extensionDecideBy && today > clock.extensionDecideBy)
    throw new AppError("invalid", { reason: "extensionTooLate" }, "extensionTooLate");
  await ctx.tx
    .update(dataSubjectRequests)
    .set({ extended: true, updatedAt: sql`now()` as never })
    .where(byId(ctx.orgId, id));
  const eventId = await event(ctx, id, {
    kind: "extended",
    visibleToRequester: true,
    data: { previousDueOn: clock.dueOn },
  });
  await sealOnto(ctx, current, eventId, reason);
  await ctx.audit({
    action: "request.extended",
    targetType: "request",
    targetId: id,
    details: { previousDueOn: clock.dueOn },
  });
  return (await refreshDueDate(ctx.tx, ctx.orgId, id, today)).dueOn ?? "";
}

/** An internal note (staff only) or a message to the requester; the text is sealed, never audited. */
export async function addRequestText(
  ctx: TenantContext,
  id: string,
  kind: "note" | "message_to_requester" | "message_from_requester",
  text: string,
): Promise<string> {
  const current = await load(ctx, id);
  const eventId = await event(ctx, id, { kind, visibleToRequester: kind !== "note" });
  await sealOnto(ctx, current, eventId, text);
  const action =
    kind === "note"
      ? "request.note_added"
      : kind === "message_to_requester"
        ? "request.message_sent"
        : "request.message_received";
  await ctx.audit({ action, targetType: "request", targetId: id });
  return eventId;
}

async function sealOnto(
  ctx: TenantContext,
  request: RequestRow,
  eventId: string,
  text: string,
): Promise<void> {
  const bodyEnc = await sealRequestText(ctx.tx, ctx.orgId, request.customerId, eventId, text);
  await ctx.tx.execute(
    sql`update request_events set body_enc = ${bodyEnc} where org_id = ${ctx.orgId} and id = ${eventId}`,
  );
}
