import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { dataSubjectRequests, requestEvents } from "@/db/schema";
import { todayIso } from "@/lib/core/dates";
import { workingCalendarOf } from "./calendar-store";
import { acknowledgeByOf, requestClocks, type LawClock } from "./clocks";
import type { Pause } from "./deadline";

type RequestRow = typeof dataSubjectRequests.$inferSelect;

/** Closed pauses from the timeline (`resumed` events) plus the open one on the row. */
export async function pausesOf(
  tx: Tx,
  orgId: string,
  request: Pick<RequestRow, "id" | "pausedSince">,
): Promise<Pause[]> {
  const resumed = await tx
    .select({ data: requestEvents.data })
    .from(requestEvents)
    .where(
      and(
        eq(requestEvents.orgId, orgId),
        eq(requestEvents.requestId, request.id),
        eq(requestEvents.kind, "resumed"),
      ),
    );
  const closed = resumed.map((e) => ({
    from: String(e.data.pausedFrom),
    to: String(e.data.resumedOn),
  }));
  return request.pausedSince ? [...closed, { from: request.pausedSince, to: null }] : closed;
}

/** The request's live clocks as of `today`, one per law, the governing one marked. */
export async function clocksOf(
  tx: Tx,
  orgId: string,
  request: RequestRow,
  today = todayIso(),
): Promise<{ clocks: LawClock[]; governing: LawClock }> {
  // One transaction client runs one query at a time: no Promise.all here.
  const calendar = await workingCalendarOf(tx, orgId);
  const pauses = await pausesOf(tx, orgId, request);
  return requestClocks(
    {
      laws: request.laws,
      type: request.type,
      receivedAt: request.receivedAt,
      terms: request.clockTerms,
      verifiedOn: request.verifiedOn,
      pauses,
      extended: request.extended,
      today,
    },
    calendar,
  );
}

/** The governing clock as of `today`. */
export async function clockOf(
  tx: Tx,
  orgId: string,
  request: RequestRow,
  today = todayIso(),
): Promise<LawClock> {
  return (await clocksOf(tx, orgId, request, today)).governing;
}

/** Stores the governing law, due date and unit, and the earliest acknowledgement date, so queues can sort and filter on them. */
export async function refreshDueDate(
  tx: Tx,
  orgId: string,
  requestId: string,
  today = todayIso(),
): Promise<LawClock> {
  const [request] = await tx
    .select()
    .from(dataSubjectRequests)
    .where(and(eq(dataSubjectRequests.orgId, orgId), eq(dataSubjectRequests.id, requestId)));
  const { clocks, governing } = await clocksOf(tx, orgId, request, today);
  await tx
    .update(dataSubjectRequests)
    .set({
      law: governing.law,
      dueOn: governing.dueOn,
      dueUnit: governing.dueOn ? governing.rule.dueSoonUnit : null,
      acknowledgeBy: acknowledgeByOf(clocks),
    })
    .where(and(eq(dataSubjectRequests.orgId, orgId), eq(dataSubjectRequests.id, requestId)));
  return governing;
}
