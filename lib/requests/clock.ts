import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { dataSubjectRequests, requestEvents } from "@/db/schema";
import { todayIso } from "@/lib/core/dates";
import { workingCalendarOf } from "./calendar-store";
import { requestClock, type Clock, type Pause } from "./deadline";

type RequestRow = typeof dataSubjectRequests.$inferSelect;

/** Closed pauses from the timeline (`resumed` events) plus the open one on the row. */
export async function pausesOf(tx: Tx, orgId: string, request: Pick<RequestRow, "id" | "pausedSince">): Promise<Pause[]> {
  const resumed = await tx
    .select({ data: requestEvents.data })
    .from(requestEvents)
    .where(and(eq(requestEvents.orgId, orgId), eq(requestEvents.requestId, request.id), eq(requestEvents.kind, "resumed")));
  const closed = resumed.map((e) => ({ from: String(e.data.pausedFrom), to: String(e.data.resumedOn) }));
  return request.pausedSince ? [...closed, { from: request.pausedSince, to: null }] : closed;
}

/** The request's live clock as of `today`. */
export async function clockOf(tx: Tx, orgId: string, request: RequestRow, today = todayIso()): Promise<Clock> {
  // One transaction client runs one query at a time: no Promise.all here.
  const calendar = await workingCalendarOf(tx, orgId);
  const pauses = await pausesOf(tx, orgId, request);
  return requestClock({ law: request.law, receivedOn: request.receivedOn, verifiedOn: request.verifiedOn, pauses, extended: request.extended, today }, calendar);
}

/** Stores the due and acknowledgement dates so queues can sort and filter on them. */
export async function refreshDueDate(tx: Tx, orgId: string, requestId: string, today = todayIso()): Promise<Clock> {
  const [request] = await tx.select().from(dataSubjectRequests).where(and(eq(dataSubjectRequests.orgId, orgId), eq(dataSubjectRequests.id, requestId)));
  const clock = await clockOf(tx, orgId, request, today);
  await tx.update(dataSubjectRequests).set({ dueOn: clock.dueOn, acknowledgeBy: clock.acknowledgeBy })
    .where(and(eq(dataSubjectRequests.orgId, orgId), eq(dataSubjectRequests.id, requestId)));
  return clock;
}
