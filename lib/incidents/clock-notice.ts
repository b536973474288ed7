import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organizations, users } from "@/db/schema";
import { DEFAULT_TIME_ZONE, formatInstant } from "@/lib/core/i18n/format-date";
import enIncidents from "@/messages/en/incidents.json";
import zhIncidents from "@/messages/zh-CN/incidents.json";
import { enqueueStaffMessage } from "@/lib/outbox/enqueue";
import type { MessageLocale } from "@/lib/outbox/templates";
import type { IncidentClock } from "./clocks";
import { incidentHandlers } from "./queries";

const ruleNames: Record<MessageLocale, Record<string, string>> = {
  "zh-CN": zhIncidents.clock.rules,
  en: enIncidents.clock.rules,
};

/**
 * Emails the incident's assignee and every active privacy officer (whoever manages incidents)
 * that a clock passed, through the outbox in the organisation's language. Returns how many were queued.
 */
export async function emailPassedClock(
  tx: Tx,
  orgId: string,
  incident: { reference: string; assigneeId: string | null },
  clock: IncidentClock,
): Promise<number> {
  const handlers = (await incidentHandlers(tx, orgId)).map((h) => h.userId);
  const recipients = [
    ...new Set([...(incident.assigneeId ? [incident.assigneeId] : []), ...handlers]),
  ];
  if (recipients.length === 0) return 0;
  const [org] = await tx
    .select({ locale: organizations.locale, timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const locale: MessageLocale = org?.locale === "en" ? "en" : "zh-CN";
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.id, recipients)));
  const clockName = clock.rule.reference
    ? (ruleNames[locale][clock.rule.key] ?? clock.rule.key)
    : `${clock.rule.law} · ${clock.rule.recipient}`;
  for (const person of people) {
    await enqueueStaffMessage(tx, orgId, {
      userId: person.id,
      email: person.email,
      locale,
      template: "incident.clock_passed",
      params: {
        reference: incident.reference,
        clock: clockName,
        dueAt: formatInstant(clock.dueAt!, locale, org?.timeZone ?? DEFAULT_TIME_ZONE),
      },
    });
  }
  return people.length;
}
