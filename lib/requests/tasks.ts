import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, notInArray, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  calendarReminders,
  customers,
  dataSubjectRequests,
  workingCalendars,
  type Role,
} from "@/db/schema";
import { can } from "@/lib/core/authz/permissions";
import { requesterReachable } from "./notify";
import { openStatuses } from "./transitions";

/** The years this person is reminded to enter: people who manage the calendar, while the year is missing. */
export async function calendarYearsToEnter(
  tx: Tx,
  orgId: string,
  viewer: { role: Role },
): Promise<number[]> {
  if (!can(viewer.role, "calendar.manage")) return [];
  const entered = tx
    .select({ year: workingCalendars.year })
    .from(workingCalendars)
    .where(and(eq(workingCalendars.orgId, orgId), eq(workingCalendars.calendar, "CN")));
  const rows = await tx
    .select({ year: calendarReminders.year })
    .from(calendarReminders)
    .where(and(eq(calendarReminders.orgId, orgId), notInArray(calendarReminders.year, entered)))
    .orderBy(asc(calendarReminders.year));
  return rows.map((r) => r.year);
}

export interface AcknowledgementTask {
  id: string;
  reference: string;
  acknowledgeBy: string;
}

/**
 * Open requests that must be acknowledged but whose requester no notice can reach (no customer,
 * an erased one, or one with neither phone nor email on file): staff acknowledge them by other
 * means and record it. For the assignee, or for every handler while nobody is assigned.
 */
export async function acknowledgementsToRecord(
  tx: Tx,
  orgId: string,
  viewer: { userId: string; role: Role },
): Promise<AcknowledgementTask[]> {
  if (!can(viewer.role, "requests.handle")) return [];
  const r = dataSubjectRequests;
  // Requests still to acknowledge are few: the first notice that reaches a requester acknowledges it.
  const rows = await tx
    .select({
      id: r.id,
      reference: r.reference,
      acknowledgeBy: r.acknowledgeBy,
      customerId: customers.id,
      status: customers.status,
      emailMasked: customers.emailMasked,
      phoneMasked: customers.phoneMasked,
    })
    .from(r)
    .leftJoin(customers, and(eq(customers.orgId, r.orgId), eq(customers.id, r.customerId)))
    .where(
      and(
        eq(r.orgId, orgId),
        inArray(r.status, [...openStatuses]),
        isNull(r.duplicateOfId),
        isNotNull(r.acknowledgeBy),
        isNull(r.acknowledgedAt),
        or(isNull(r.assigneeId), eq(r.assigneeId, viewer.userId)),
      ),
    )
    .orderBy(asc(r.acknowledgeBy), asc(r.id));
  return rows
    .filter((row) => !requesterReachable(row.customerId ? row : null))
    .map((row) => ({ id: row.id, reference: row.reference, acknowledgeBy: row.acknowledgeBy! }));
}

/** How many request tasks wait for this person (the navigation's count). */
export async function requestTaskCount(
  tx: Tx,
  orgId: string,
  viewer: { userId: string; role: Role },
): Promise<number> {
  return (
    (await calendarYearsToEnter(tx, orgId, viewer)).length +
    (await acknowledgementsToRecord(tx, orgId, viewer)).length
  );
}
