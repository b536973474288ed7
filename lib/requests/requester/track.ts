import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  dataSubjectRequests,
  requestEvents,
  type RequestEventKind,
  type RequestStatus,
  type RequestType,
} from "@/db/schema";
import type { CustomerLaw } from "@/db/schema/customers";
import { withoutTenant, withTenant } from "@/db/tenant";
import { customerContext } from "@/lib/core/tenancy/context";
import { plausibleCapabilityToken } from "@/lib/core/crypto/capability-token";
import { AppError } from "@/lib/core/errors";
import { allowHit, rateLimitKey } from "@/lib/core/rate-limit";
import { workingCalendarOf } from "../calendar-store";
import { addRequestText, moveRequest } from "../commands";
import { ExportUnavailableError, latestExport, openExportForDownload } from "../fulfilment/exports";
import { erasureExplanation } from "../fulfilment/holds";
import { remediesOf } from "../notify";
import { storedDueIsProvisional } from "../provisional-calendar";
import { openRequestText } from "../sealed-text";
import { hashTrackingToken } from "../tracking-token";

/** Token lookups per address: enough for a requester refreshing their page, far too few to guess 256 bits. */
export const TRACK_LIMIT = { hits: 60, windowSeconds: 600 };

/** Counted in its own transaction, so a failed lookup still counts. */
export async function allowTrackingLookup(ip: string): Promise<boolean> {
  return withoutTenant((tx) =>
    allowHit(tx, rateLimitKey("portal-track-ip", ip), TRACK_LIMIT.hits, TRACK_LIMIT.windowSeconds),
  );
}

async function requestByToken(tx: Tx, orgId: string, token: string, lock = false) {
  if (!plausibleCapabilityToken(token)) return null;
  const query = tx
    .select()
    .from(dataSubjectRequests)
    .where(
      and(
        eq(dataSubjectRequests.orgId, orgId),
        eq(dataSubjectRequests.trackingTokenHash, hashTrackingToken(token)),
      ),
    );
  const [row] = await (lock ? query.for("update") : query);
  return row ?? null;
}

/** Timeline kinds a requester reads (only events marked visible are shown at all). */
const shownKinds: readonly RequestEventKind[] = [
  "created",
  "status_changed",
  "paused",
  "identity_verified",
  "duplicate_linked",
  "message_to_requester",
  "message_from_requester",
  "extended",
  "fulfilment",
  "download",
];

export interface TrackingEvent {
  id: string;
  kind: RequestEventKind;
  at: string;
  toStatus: RequestStatus | null;
  /** A fulfilment step ("erased", "consent_withdrawn") or who downloaded. */
  step: string | null;
  /** Decrypted message text; null when none or no longer readable (erased). */
  text: string | null;
}

export interface TrackingView {
  reference: string;
  type: RequestType;
  status: RequestStatus;
  law: CustomerLaw;
  receivedOn: string;
  verifiedOn: string | null;
  dueOn: string | null;
  /** The due date reaches a year with no published working calendar: shown as provisional (暂定). */
  dueProvisional: boolean;
  extended: boolean;
  paused: boolean;
  duplicateOfReference: string | null;
  rejectionReason: string | null;
  /** The law's remedies after a rejection (PIPL Art. 50), in the visitor's language. */
  remedy: string | null;
  /** What was erased and what legal holds keep, after an erasure. */
  erasure: string | null;
  canReply: boolean;
  download: { expiresAt: string } | null;
  events: TrackingEvent[];
}

/** The requester's view of their request, or null for an unknown token (the caller answers neutrally). */
export async function trackingView(
  orgId: string,
  token: string,
  locale: "zh-CN" | "en",
  now = new Date(),
): Promise<TrackingView | null> {
  return withTenant(orgId, async (tx) => {
    const request = await requestByToken(tx, orgId, token);
    if (!request) return null;
    const rows = await tx
      .select()
      .from(requestEvents)
      .where(
        and(
          eq(requestEvents.orgId, orgId),
          eq(requestEvents.requestId, request.id),
          eq(requestEvents.visibleToRequester, true),
        ),
      )
      .orderBy(asc(requestEvents.createdAt), asc(requestEvents.id));
    const events: TrackingEvent[] = [];
    for (const row of rows.filter((r) => shownKinds.includes(r.kind))) {
      events.push({
        id: row.id,
        kind: row.kind,
        at: row.createdAt,
        toStatus: row.toStatus ?? null,
        step:
          typeof row.data.step === "string"
            ? row.data.step
            : typeof row.data.by === "string"
              ? row.data.by
              : null,
        text: row.bodyEnc ? await openRequestText(tx, orgId, row.id, row.bodyEnc) : null,
      });
    }
    const [original] = request.duplicateOfId
      ? await tx
          .select({ reference: dataSubjectRequests.reference })
          .from(dataSubjectRequests)
          .where(
            and(
              eq(dataSubjectRequests.orgId, orgId),
              eq(dataSubjectRequests.id, request.duplicateOfId),
            ),
          )
      : [];
    const pkg = await latestExport(tx, orgId, request.id);
    const downloadable = pkg?.status === "ready" && pkg.expiresAt && pkg.expiresAt > now;
    const erased = events.some((e) => e.kind === "fulfilment" && e.step === "erased");
    const dueProvisional = storedDueIsProvisional(request, await workingCalendarOf(tx, orgId));
    return {
      reference: request.reference,
      type: request.type,
      status: request.status,
      law: request.law,
      receivedOn: request.receivedOn,
      verifiedOn: request.verifiedOn,
      dueOn: request.dueOn,
      dueProvisional,
      extended: request.extended,
      paused: request.status === "awaiting_requester",
      duplicateOfReference: original?.reference ?? null,
      rejectionReason: request.status === "rejected" ? request.rejectionReason : null,
      remedy:
        request.status === "rejected" ? remediesOf(request.laws, locale).trim() || null : null,
      erasure: erased ? erasureExplanation(locale) : null,
      canReply: request.status === "awaiting_requester" && request.customerId !== null && !erased,
      download: downloadable && !erased ? { expiresAt: pkg.expiresAt!.toISOString() } : null,
      events,
    };
  });
}

/**
 * The requester answers a question from the team: the text is sealed on the timeline and, as the
 * request was waiting for them, it moves back to in progress (the paused clock resumes).
 */
export async function replyAsRequester(
  orgId: string,
  token: string,
  message: string,
): Promise<boolean> {
  return withTenant(orgId, async (tx) => {
    const request = await requestByToken(tx, orgId, token, true);
    if (!request?.customerId || request.status !== "awaiting_requester") return false;
    const ctx = customerContext(tx, orgId, request.customerId);
    await addRequestText(ctx, request.id, "message_from_requester", message);
    await moveRequest(ctx, request.id, "in_progress");
    return true;
  });
}

/**
 * The requester's data package: the ZIP (decrypted), counted and put on the timeline by
 * openExportForDownload, audited `request.downloaded` as the customer. Null when there is none to give.
 */
export async function downloadAsRequester(
  orgId: string,
  token: string,
): Promise<{ bytes: Buffer; filename: string } | null> {
  try {
    return await withTenant(orgId, async (tx) => {
      const request = await requestByToken(tx, orgId, token);
      if (!request?.customerId) return null;
      const pkg = await latestExport(tx, orgId, request.id);
      if (!pkg) return null;
      const file = await openExportForDownload(tx, orgId, pkg.id, { userId: null });
      await customerContext(tx, orgId, request.customerId).audit({
        action: "request.downloaded",
        targetType: "request",
        targetId: request.id,
        details: { exportId: pkg.id, by: "requester" },
      });
      return { bytes: file.bytes, filename: file.filename };
    });
  } catch (error) {
    if (
      error instanceof ExportUnavailableError ||
      (error instanceof AppError && error.code === "notFound")
    )
      return null;
    throw error;
  }
}
