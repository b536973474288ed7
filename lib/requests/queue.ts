import "server-only";
import {
  and,
  arrayContains,
  asc,
  eq,
  gt,
  inArray,
  isNull,
  ne,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  customers,
  dataSubjectRequests,
  users,
  type RequestStatus,
  type RequestType,
} from "@/db/schema";
import type { CustomerLaw } from "@/db/schema/customers";
import type { DueUnit } from "@/db/schema/requests";
import { decodeCursor, encodeCursor, type Cursor } from "@/lib/core/pagination/cursor";
import { addDays, calendarDaysBetween, todayIso } from "@/lib/core/dates";
import { workingCalendarOf } from "./calendar-store";
import { DUE_SOON_THRESHOLD } from "./clock-rules";
import { addPeriod, daysBetween, type SlaState } from "./deadline";
import type { RequestQueueQuery } from "./queue-query";
import { storedDueIsProvisional } from "./provisional-calendar";
import { openStatuses } from "./transitions";
import type { WorkingCalendar } from "./working-calendar";

export const REQUEST_PAGE_SIZE = 50;
export {
  slaFilters,
  statusFilters,
  type RequestQueueQuery,
  type StatusFilter,
} from "./queue-query";
/**
 * The last due date that still counts as "due soon" (≤ 3 days of the governing clock's unit
 * left), per unit: the day before the fourth working (business, calendar) day after today.
 * Computed here, in JS on the organisation's calendar, so the queue filters on `due_on` ranges
 * the indexes can serve.
 */
export interface DueSoonBounds {
  today: string;
  byUnit: Record<DueUnit, string>;
}

const dueUnits = [
  "working_days",
  "business_days",
  "calendar_days",
] as const satisfies readonly DueUnit[];

export function dueSoonBounds(today: string, calendar: WorkingCalendar): DueSoonBounds {
  const never = () => false;
  const last = (unit: DueUnit) =>
    addDays(addPeriod(today, { amount: DUE_SOON_THRESHOLD + 1, unit }, calendar, never).date, -1);
  return {
    today,
    byUnit: Object.fromEntries(dueUnits.map((unit) => [unit, last(unit)])) as Record<
      DueUnit,
      string
    >,
  };
}

const r = dataSubjectRequests;
const open = inArray(r.status, [...openStatuses]);
const notPaused = ne(r.status, "awaiting_requester");
/** due_on at most (or beyond) the due-soon boundary of the governing clock's unit. */
function withinBound(bounds: DueSoonBounds, op: "<=" | ">"): SQL {
  const cmp = (bound: string) =>
    op === "<=" ? sql`${r.dueOn} <= ${bound}` : sql`${r.dueOn} > ${bound}`;
  return or(...dueUnits.map((unit) => and(eq(r.dueUnit, unit), cmp(bounds.byUnit[unit]))))!;
}

/** The SLA filter as plain conditions on status and due_on (mirrors requestClock's state order). */
export function slaCondition(
  sla: RequestQueueQuery["sla"],
  bounds: DueSoonBounds,
): SQL | undefined {
  switch (sla) {
    case "overdue":
      return and(open, sql`${r.dueOn} < ${bounds.today}`);
    case "paused":
      return and(
        eq(r.status, "awaiting_requester"),
        or(isNull(r.dueOn), sql`${r.dueOn} >= ${bounds.today}`),
      );
    case "due_soon":
      return and(open, notPaused, sql`${r.dueOn} >= ${bounds.today}`, withinBound(bounds, "<="));
    case "on_track":
      return and(open, notPaused, withinBound(bounds, ">"));
    case "not_started":
      return and(open, notPaused, isNull(r.dueOn));
    default:
      return undefined;
  }
}

export function queueConditions(
  orgId: string,
  userId: string,
  query: RequestQueueQuery,
  bounds: DueSoonBounds,
): SQL | undefined {
  const conditions: Array<SQL | undefined> = [eq(r.orgId, orgId)];
  if (query.type) conditions.push(eq(r.type, query.type));
  if (query.status === "open") conditions.push(open);
  else if (query.status && query.status !== "all") conditions.push(eq(r.status, query.status));
  if (query.law) conditions.push(arrayContains(r.laws, [query.law]));
  if (query.assignee === "mine") conditions.push(eq(r.assigneeId, userId));
  else if (query.assignee === "unassigned") conditions.push(isNull(r.assigneeId));
  else if (query.assignee) conditions.push(eq(r.assigneeId, query.assignee));
  conditions.push(slaCondition(query.sla, bounds));
  return and(...conditions);
}

export interface QueueRow {
  id: string;
  reference: string;
  type: RequestType;
  /** The governing law (due first), and every law whose clock runs. */
  law: CustomerLaw;
  laws: CustomerLaw[];
  status: RequestStatus;
  dueOn: string | null;
  dueUnit: DueUnit | null;
  receivedOn: string;
  duplicate: boolean;
  customerId: string | null;
  customerRef: string | null;
  customerName: string | null;
  assigneeName: string | null;
  sla: SlaState | null;
  /** Days of the law's unit left; when overdue, minus the calendar days overdue; null when closed or not started. */
  remaining: number | null;
  /** The due date reaches a year with no published working calendar (provisional-calendar.ts). */
  provisional: boolean;
}

/** The SLA badge of a row, from its stored governing due date and unit (the request page shows every clock). */
export function rowSla(
  row: { status: RequestStatus; dueOn: string | null; dueUnit: DueUnit | null },
  today: string,
  calendar: WorkingCalendar,
): { sla: SlaState | null; remaining: number | null } {
  if (!openStatuses.includes(row.status)) return { sla: null, remaining: null };
  if (!row.dueOn)
    return { sla: row.status === "awaiting_requester" ? "paused" : "not_started", remaining: null };
  // Overdue is counted in calendar days (a plain "5 days overdue"), which also keeps a long-overdue
  // row from walking the calendar day by day.
  if (today > row.dueOn)
    return { sla: "overdue", remaining: -calendarDaysBetween(row.dueOn, today) };
  const remaining = daysBetween(today, row.dueOn, row.dueUnit ?? "calendar_days", calendar);
  const sla: SlaState =
    row.status === "awaiting_requester"
      ? "paused"
      : remaining <= DUE_SOON_THRESHOLD
        ? "due_soon"
        : "on_track";
  return { sla, remaining };
}

const columns = {
  id: r.id,
  reference: r.reference,
  type: r.type,
  law: r.law,
  laws: r.laws,
  status: r.status,
  dueOn: r.dueOn,
  dueUnit: r.dueUnit,
  receivedOn: r.receivedOn,
  verifiedOn: r.verifiedOn,
  duplicateOfId: r.duplicateOfId,
  customerId: r.customerId,
  customerRef: customers.externalRef,
  customerName: customers.nameMasked,
  customerPhone: customers.phoneMasked,
  assigneeName: users.name,
};

/**
 * One page of the queue: due date ascending (requests without one last), then id, 50 at a time
 * by keyset. Two index range scans rather than one OR, so each stays an ordered index read.
 */
export async function requestQueue(
  tx: Tx,
  orgId: string,
  userId: string,
  query: RequestQueueQuery,
  opts: { pageSize?: number; today?: string } = {},
) {
  const pageSize = opts.pageSize ?? REQUEST_PAGE_SIZE;
  const today = opts.today ?? todayIso();
  const calendar = await workingCalendarOf(tx, orgId);
  const where = queueConditions(orgId, userId, query, dueSoonBounds(today, calendar));
  const cursor: Cursor | undefined = decodeCursor(query.cursor);
  const base = () =>
    tx
      .select(columns)
      .from(r)
      .leftJoin(customers, and(eq(customers.orgId, r.orgId), eq(customers.id, r.customerId)))
      .leftJoin(users, eq(users.id, r.assigneeId));

  const fetch = (condition: SQL | undefined, limit: number) =>
    base().where(condition).orderBy(asc(r.dueOn), asc(r.id)).limit(limit);
  let found: Awaited<ReturnType<typeof fetch>> = [];
  if (!cursor || cursor.v !== null) {
    const after = cursor
      ? sql`(${r.dueOn}, ${r.id}) > (${String(cursor.v)}::date, ${cursor.id}::uuid)`
      : undefined;
    found = await fetch(and(where, sql`${r.dueOn} is not null`, after), pageSize + 1);
  }
  if (found.length <= pageSize) {
    const after = cursor && cursor.v === null ? gt(r.id, cursor.id) : undefined;
    found = found.concat(
      await fetch(and(where, isNull(r.dueOn), after), pageSize + 1 - found.length),
    );
  }
  const page = found.slice(0, pageSize);
  const last = page[page.length - 1];
  const next =
    found.length > pageSize && last ? encodeCursor({ v: last.dueOn, id: last.id }) : undefined;
  const rows: QueueRow[] = page.map((row) => ({
    id: row.id,
    reference: row.reference,
    type: row.type,
    law: row.law,
    laws: row.laws,
    status: row.status,
    dueOn: row.dueOn,
    dueUnit: row.dueUnit,
    receivedOn: row.receivedOn,
    duplicate: row.duplicateOfId !== null,
    customerId: row.customerId,
    customerRef: row.customerRef,
    customerName: row.customerName ?? row.customerPhone ?? null,
    assigneeName: row.assigneeName,
    ...rowSla(row, today, calendar),
    provisional: openStatuses.includes(row.status) && storedDueIsProvisional(row, calendar),
  }));
  return { rows, next };
}
