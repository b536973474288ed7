import "server-only";
import { and, eq, gt, inArray, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { customers, organizations, portalChallenges } from "@/db/schema";
import { applicableLaws } from "@/lib/customers/applicable-laws";
import { findCustomersBy } from "@/lib/customers/queries";
import { isMinorOn } from "@/lib/customers/minor-age";
import type { MessageLocale } from "@/lib/outbox/templates";
import {
  issueChallenge,
  normalisedContact,
  underLimits,
  type ChallengeAudit,
  type CodeRequestInput,
} from "./challenge";

/**
 * PIPL Art. 31: a customer under 14 consents through a parent or other guardian. The guardian
 * proves they hold a phone or email with a one-time code (the portal's own challenge, purpose
 * `guardian`, its contact sealed under the child's data key); for 30 minutes after that, the
 * choices recorded with the challenge are the guardian's (`consent_events.by_guardian`).
 */
export const GUARDIAN_MINUTES = 30;

export type GuardianCodeResult =
  | { status: "sent"; challengeId: string; expiresAt: Date }
  | { status: "rateLimited" }
  /** Not a PIPL customer under 14: there is no guardian's consent to give. */
  | { status: "notMinor" }
  /** The child's own phone or email: it proves nothing about a guardian. */
  | { status: "ownContact" };

/**
 * Whether only a guardian may consent for this customer now: PIPL applies to them (their laws, or
 * what their region or the organisation implies) and they are under 14 today, Beijing time.
 */
export async function guardianRequired(
  tx: Tx,
  orgId: string,
  customerId: string,
): Promise<boolean> {
  const [row] = await tx
    .select({
      laws: customers.laws,
      region: customers.region,
      minorUntil: customers.minorUntil,
      jurisdictions: organizations.jurisdictions,
    })
    .from(customers)
    .innerJoin(organizations, eq(organizations.id, customers.orgId))
    .where(
      and(
        eq(customers.orgId, orgId),
        eq(customers.id, customerId),
        sql`${customers.status} <> 'erased'`,
      ),
    );
  return (
    !!row &&
    isMinorOn(row.minorUntil) &&
    applicableLaws(row, row.jurisdictions).laws.includes("PIPL")
  );
}

/** A code to the guardian's contact, in the caller's transaction (the portal's or the API call's). */
export async function requestGuardianCode(
  tx: Tx,
  orgId: string,
  input: CodeRequestInput & { customerId: string; locale: MessageLocale; ip: string },
  audit?: ChallengeAudit,
): Promise<GuardianCodeResult> {
  const contact = normalisedContact(input);
  if (!(await guardianRequired(tx, orgId, input.customerId))) return { status: "notMinor" };
  const holders = await findCustomersBy(
    tx,
    orgId,
    input.channel === "sms" ? { phone: contact } : { email: contact },
  );
  if (holders.some((h) => h.id === input.customerId)) return { status: "ownContact" };
  if (!(await underLimits(tx, orgId, input.channel, contact, input.ip)))
    return { status: "rateLimited" };
  const issued = await issueChallenge(
    tx,
    orgId,
    {
      customerId: input.customerId,
      purpose: "guardian",
      channel: input.channel,
      locale: input.locale,
      guardianContact: contact,
    },
    audit,
  );
  return { status: "sent", ...issued };
}

/**
 * Of these challenge ids, the guardian challenges verified in the last 30 minutes, with the child
 * each is for: only those may mark a choice as the guardian's.
 */
export async function verifiedGuardians(
  tx: Tx,
  orgId: string,
  challengeIds: string[],
  now = new Date(),
): Promise<Map<string, string>> {
  const ids = [...new Set(challengeIds)];
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: portalChallenges.id, customerId: portalChallenges.customerId })
    .from(portalChallenges)
    .where(
      and(
        eq(portalChallenges.orgId, orgId),
        inArray(portalChallenges.id, ids),
        eq(portalChallenges.purpose, "guardian"),
        isNotNull(portalChallenges.verifiedAt),
        gt(portalChallenges.verifiedAt, new Date(now.getTime() - GUARDIAN_MINUTES * 60_000)),
      ),
    );
  return new Map(rows.flatMap((r) => (r.customerId ? [[r.id, r.customerId] as const] : [])));
}
