import { and, asc, eq, like, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  customers,
  dataSubjectRequests,
  memberships,
  requestEvents,
  type RequestStatus,
  type RequestType,
} from "@/db/schema";
import type { CustomerLaw } from "@/db/schema/customers";
import type { AuditActor } from "@/lib/core/audit/record";
import { workingCalendarOf } from "@/lib/requests/calendar-store";
import { addRequestText, assignRequest, createRequest, moveRequest } from "@/lib/requests/commands";
import { clockRules } from "@/lib/requests/clock-rules";
import { requestClock } from "@/lib/requests/deadline";
import { addDays, todayIso } from "@/lib/core/dates";
import { tenantContext } from "@/lib/core/tenancy/context";

type Size = "full" | "few";

interface Story {
  law: CustomerLaw;
  type: RequestType;
  channel: "phone" | "email" | "letter" | "in_person";
  /** Days before today it was received; "dueSoon" picks the day that leaves ≤ 3 working days. */
  receivedAgo: number | "dueSoon";
  verified: boolean;
  /** The steps it went through after intake (each a day after the last). */
  steps: RequestStatus[];
  assignToOfficer?: boolean;
  note?: string;
  reason?: string;
  /** Days from the last step before it was closed. */
  closeAfter?: number;
}

/**
 * A handful of demo requests through the real commands: one overdue, one due soon, one waiting for
 * the requester (paused), others on track, waiting for identity, completed and rejected across
 * the last weeks (for the overview's chart and medians). Generated customers only: the named story
 * customers (u-…, h-…) stay free for the walkthroughs and end-to-end tests.
 */
const stories: Record<Size, Story[]> = {
  full: [
    {
      law: "PIPL",
      type: "access",
      channel: "phone",
      receivedAgo: 40,
      verified: true,
      steps: ["in_progress"],
      assignToOfficer: true,
      note: "客户来电要求获取订单记录副本，已回拨预留手机号核验。",
    },
    {
      law: "PIPL",
      type: "erasure",
      channel: "email",
      receivedAgo: "dueSoon",
      verified: true,
      steps: ["in_progress"],
      assignToOfficer: true,
    },
    {
      law: "GDPR",
      type: "portability",
      channel: "email",
      receivedAgo: 10,
      verified: true,
      steps: ["in_progress", "awaiting_requester"],
    },
    { law: "CCPA", type: "access", channel: "email", receivedAgo: 4, verified: true, steps: [] },
    {
      law: "PIPL",
      type: "question",
      channel: "letter",
      receivedAgo: 1,
      verified: false,
      steps: [],
    },
    {
      law: "PIPL",
      type: "rectification",
      channel: "in_person",
      receivedAgo: 30,
      verified: true,
      steps: ["in_progress", "completed"],
    },
    {
      law: "PIPL",
      type: "withdraw_consent",
      channel: "phone",
      receivedAgo: 55,
      verified: true,
      steps: ["in_progress", "completed"],
    },
    {
      law: "PIPL",
      type: "account_cancellation",
      channel: "phone",
      receivedAgo: 70,
      verified: true,
      steps: ["in_progress", "completed"],
    },
    {
      law: "GDPR",
      type: "objection",
      channel: "email",
      receivedAgo: 21,
      verified: true,
      steps: ["rejected"],
      reason:
        "The processing concerned is required to perform your purchase contract (GDPR Art. 6(1)(b)); an objection does not apply to it.",
    },
  ],
  few: [
    {
      law: "PIPL",
      type: "access",
      channel: "phone",
      receivedAgo: 30,
      verified: true,
      steps: ["in_progress"],
    },
    { law: "GDPR", type: "erasure", channel: "email", receivedAgo: 3, verified: true, steps: [] },
  ],
};

async function customerFor(
  tx: Tx,
  orgId: string,
  law: CustomerLaw,
  skip: number,
): Promise<string | undefined> {
  const rows = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(
      and(
        eq(customers.orgId, orgId),
        like(customers.externalRef, "g-%"),
        sql`${law} = any(${customers.laws})`,
        eq(customers.status, "active"),
      ),
    )
    .orderBy(asc(customers.externalRef))
    .offset(skip)
    .limit(1);
  return rows[0]?.id;
}

/** The verification day that leaves 1–3 working days on a PIPL clock today. */
async function dueSoonStart(tx: Tx, orgId: string, today: string): Promise<string> {
  const calendar = await workingCalendarOf(tx, orgId);
  for (let ago = 14; ago < 40; ago += 1) {
    const day = addDays(today, -ago);
    const clock = requestClock(
      {
        rule: clockRules.PIPL,
        receivedOn: day,
        verifiedOn: day,
        pauses: [],
        extended: false,
        today,
      },
      calendar,
    );
    if (clock.state === "due_soon" && (clock.remaining ?? 0) >= 1) return day;
  }
  return addDays(today, -19);
}

export async function seedRequests(
  tx: Tx,
  orgId: string,
  size: Size,
  actor: AuditActor,
): Promise<void> {
  const today = todayIso();
  const c = tenantContext(tx, orgId, actor);
  const [officer] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "privacy_officer")))
    .limit(1);
  const used: Partial<Record<CustomerLaw, number>> = {};

  for (const story of size === "full" ? [...stories.full, ...history()] : stories.few) {
    const skip = used[story.law] ?? 0;
    used[story.law] = skip + 1;
    const customerId = await customerFor(tx, orgId, story.law, skip);
    if (!customerId) continue;
    const receivedOn =
      story.receivedAgo === "dueSoon"
        ? await dueSoonStart(tx, orgId, today)
        : addDays(today, -story.receivedAgo);
    const { id } = await createRequest(c, {
      type: story.type,
      channel: story.channel,
      customerId,
      locale: story.law === "PIPL" ? "zh-CN" : "en",
      // Noon UTC: the same date in every law's zone.
      receivedAt: new Date(`${receivedOn}T12:00:00Z`),
      verifiedOn: story.verified ? receivedOn : null,
      identityMethod: story.verified
        ? story.channel === "email"
          ? "email_reply"
          : story.channel === "in_person"
            ? "in_person"
            : "phone_callback"
        : null,
    });
    const dated = storyDates(tx, orgId, id);
    await dated.request(receivedOn);
    await dated.events(receivedOn);
    if (story.assignToOfficer && officer) await assignRequest(c, id, officer.userId);
    if (story.note) await addRequestText(c, id, "note", story.note);
    await dated.events(receivedOn);
    let day = receivedOn;
    for (const step of story.steps) {
      day = addDays(
        day,
        step === "awaiting_requester"
          ? 5
          : step === "completed" || step === "rejected"
            ? (story.closeAfter ?? 6)
            : 1,
      );
      if (day > today) day = today;
      if (step === "awaiting_requester")
        await addRequestText(
          c,
          id,
          "message_to_requester",
          "Please confirm which account the export should cover: you have two accounts with us.",
        );
      await moveRequest(c, id, step, { today: day, reason: story.reason });
      await dated.events(day);
    }
    // The commands stamp closing with the real clock; a demo history closes on its own story's day.
    if (story.steps.some((s) => s === "completed" || s === "rejected")) {
      await tx
        .update(dataSubjectRequests)
        .set({ closedAt: new Date(`${day}T10:00:00+08:00`) })
        .where(and(eq(dataSubjectRequests.orgId, orgId), eq(dataSubjectRequests.id, id)));
    }
  }
}

/**
 * The commands stamp the request and its timeline with the real clock; a demo history carries its own story's days instead, its events a minute apart in order.
 */
function storyDates(tx: Tx, orgId: string, requestId: string) {
  let minute = 0;
  // 09:mm Beijing on the story's day; today's steps, before 09:00, a few seconds ago instead.
  const at = (day: string) => {
    const instant = new Date(`${day}T09:${String(minute).padStart(2, "0")}:00+08:00`);
    return (
      instant.getTime() > Date.now() ? new Date(Date.now() - (60 - minute) * 1000) : instant
    ).toISOString();
  };
  return {
    request: (day: string) =>
      tx
        .update(dataSubjectRequests)
        .set({ createdAt: new Date(at(day)), updatedAt: at(day) })
        .where(and(eq(dataSubjectRequests.orgId, orgId), eq(dataSubjectRequests.id, requestId))),
    /** Re-dates the events the last commands wrote (stamped with the clock, after the transaction began) to `day`, in order. */
    events: async (day: string) => {
      const fresh = await tx
        .select({ id: requestEvents.id })
        .from(requestEvents)
        .where(
          and(
            eq(requestEvents.orgId, orgId),
            eq(requestEvents.requestId, requestId),
            sql`${requestEvents.createdAt} >= now()`,
          ),
        )
        .orderBy(requestEvents.createdAt);
      for (const event of fresh) {
        minute += 1;
        await tx
          .update(requestEvents)
          .set({ createdAt: at(day) })
          .where(and(eq(requestEvents.orgId, orgId), eq(requestEvents.id, event.id)));
      }
    },
  };
}

/** Closed requests over the last weeks, for the overview's weekly chart and median days to close. */
function history(): Story[] {
  const types: RequestType[] = [
    "access",
    "erasure",
    "question",
    "withdraw_consent",
    "access",
    "account_cancellation",
    "rectification",
    "question",
  ];
  const out: Story[] = [];
  for (let week = 1; week <= 11; week += 1) {
    for (let k = 0; k < 1 + (week % 3); k += 1) {
      out.push({
        law: k === 2 ? "GDPR" : "PIPL",
        type: types[(week + k) % types.length],
        channel: k % 2 ? "email" : "phone",
        receivedAgo: week * 7 + k * 2 + 10,
        verified: true,
        steps: ["in_progress", "completed"],
        closeAfter: 3 + ((week * 5 + k * 3) % 12),
      });
    }
  }
  return out;
}
