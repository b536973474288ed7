import "server-only";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { customers, dataSubjectRequests, memberships, requestEvents, users } from "@/db/schema";
import { permissionMap } from "@/lib/core/authz/permissions";
import { calendarDaysBetween, todayIso } from "@/lib/core/dates";
import { sortByName } from "@/lib/core/i18n/collate";
import { clocksOf } from "./clock";
import { daysBetween } from "./deadline";
import { WorkingCalendar } from "./working-calendar";
import { openRequestText } from "./sealed-text";

export type RequestRow = typeof dataSubjectRequests.$inferSelect;

/** A request with its customer (stored masks only) and assignee, and its live clocks as of today (one per law, the governing one first). */
export async function getRequest(tx: Tx, orgId: string, id: string, today = todayIso()) {
  const [row] = await tx
    .select({
      request: dataSubjectRequests,
      customer: {
        id: customers.id,
        externalRef: customers.externalRef,
        nameMasked: customers.nameMasked,
        phoneMasked: customers.phoneMasked,
        emailMasked: customers.emailMasked,
        status: customers.status,
      },
      assigneeName: users.name,
    })
    .from(dataSubjectRequests)
    .leftJoin(
      customers,
      and(
        eq(customers.orgId, dataSubjectRequests.orgId),
        eq(customers.id, dataSubjectRequests.customerId),
      ),
    )
    .leftJoin(users, eq(users.id, dataSubjectRequests.assigneeId))
    .where(and(eq(dataSubjectRequests.orgId, orgId), eq(dataSubjectRequests.id, id)));
  if (!row) return undefined;
  const { clocks, governing: clock } = await clocksOf(tx, orgId, row.request, today);
  const { rule } = clock;
  const duplicateOf = row.request.duplicateOfId
    ? ((
        await tx
          .select({ id: dataSubjectRequests.id, reference: dataSubjectRequests.reference })
          .from(dataSubjectRequests)
          .where(
            and(
              eq(dataSubjectRequests.orgId, orgId),
              eq(dataSubjectRequests.id, row.request.duplicateOfId),
            ),
          )
      )[0] ?? null)
    : null;
  // Calendar days are always shown beside the law's own unit: people plan in both. The
  // acknowledgement is its own count, in business days.
  const calendarDaysLeft = clock.dueOn ? calendarDaysBetween(today, clock.dueOn) : null;
  const lawClocks = clocks.map((c) => ({
    ...c,
    calendarDaysLeft: c.dueOn ? calendarDaysBetween(today, c.dueOn) : null,
    acknowledgeLeft: c.acknowledgeBy
      ? daysBetween(today, c.acknowledgeBy, "business_days", WorkingCalendar.weekdays())
      : null,
  }));
  return { ...row, clock, clocks: lawClocks, rule, calendarDaysLeft, duplicateOf };
}
export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequest>>>;

export interface TimelineEntry {
  id: string;
  kind: (typeof requestEvents.$inferSelect)["kind"];
  fromStatus: string | null;
  toStatus: string | null;
  actorName: string | null;
  data: Record<string, string | number | boolean | null>;
  visibleToRequester: boolean;
  createdAt: string;
  /** The note or message, only for people who may handle requests; null when shredded. */
  text: string | null;
  sealed: boolean;
  /** For an assignment: who it went to (null: unassigned). */
  assigneeName: string | null;
}

/** The timeline, newest first. Sealed texts are opened only when `withTexts` (requests.handle). */
export async function requestTimeline(
  tx: Tx,
  orgId: string,
  requestId: string,
  withTexts: boolean,
): Promise<TimelineEntry[]> {
  const rows = await tx
    .select({ event: requestEvents, actorName: users.name })
    .from(requestEvents)
    .leftJoin(users, eq(users.id, requestEvents.actorUserId))
    .where(and(eq(requestEvents.orgId, orgId), eq(requestEvents.requestId, requestId)))
    .orderBy(desc(requestEvents.createdAt), desc(requestEvents.id));
  // Names of the people requests were assigned to (ids in the event data, never names).
  const assigneeIds = [
    ...new Set(
      rows.flatMap(({ event }) =>
        event.kind === "assigned" && typeof event.data.assigneeId === "string"
          ? [event.data.assigneeId]
          : [],
      ),
    ),
  ];
  const names = new Map(
    assigneeIds.length
      ? (
          await tx
            .select({ id: users.id, name: users.name })
            .from(users)
            .where(inArray(users.id, assigneeIds))
        ).map((u) => [u.id, u.name])
      : [],
  );
  const out: TimelineEntry[] = [];
  for (const { event, actorName } of rows) {
    // One transaction client runs one query at a time: open the texts one after another.
    const text =
      withTexts && event.bodyEnc ? await openRequestText(tx, orgId, event.id, event.bodyEnc) : null;
    out.push({
      id: event.id,
      kind: event.kind,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      actorName,
      data: event.data,
      visibleToRequester: event.visibleToRequester,
      createdAt: event.createdAt,
      text,
      sealed: event.bodyEnc !== null,
      assigneeName:
        event.kind === "assigned" ? (names.get(String(event.data.assigneeId)) ?? null) : null,
    });
  }
  return out;
}

/** Active members whose role may handle requests: the people a request can be assigned to. */
export async function requestHandlers(
  tx: Tx,
  orgId: string,
): Promise<Array<{ userId: string; name: string }>> {
  const roles = (Object.keys(permissionMap) as Array<keyof typeof permissionMap>).filter((role) =>
    permissionMap[role].includes("requests.handle"),
  );
  return sortByName(
    await tx
      .select({ userId: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.orgId, orgId),
          isNull(memberships.deactivatedAt),
          inArray(memberships.role, roles),
        ),
      )
      .orderBy(asc(users.id)),
  );
}

/** The customer's earlier requests (for the request page's side panel and duplicate checks). */
export async function requestsOfCustomer(tx: Tx, orgId: string, customerId: string) {
  return tx
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
    .orderBy(desc(dataSubjectRequests.receivedOn), desc(dataSubjectRequests.id))
    .limit(20);
}
