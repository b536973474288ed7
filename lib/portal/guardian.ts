import "server-only";
import { and, eq, gt, inArray, isNotNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { customers, portalChallenges } from "@/db/schema";
import type { CustomerLaw } from "@/db/schema/customers";
import { guardianAgeUnder } from "@/lib/consent/legal-bases";
import { customerStanding } from "@/lib/consent/state";
import { findCustomersBy } from "@/lib/customers/queries";
import type { MessageLocale } from "@/lib/outbox/templates";
import {
  issueChallenge,
  normalisedContact,
  underLimits,
  type ChallengeAudit,
  type CodeRequestInput,
} from "./challenge";

/**
 * PIPL Art. 31 (under 14), GDPR Art. 8(1) (under the organisation's age, 16 by default) and CCPA
 * §1798.120(c) (under 13, a sale or sharing): a parent or other guardian consents for the child. The guardian
 * proves they hold a phone or email with a one-time code (the portal's own challenge, purpose
 * `guardian`, its contact sealed under the child's data key); for 30 minutes after that, the
 * choices recorded with the challenge are the guardian's (`consent_events.by_guardian`).
 */
export const GUARDIAN_MINUTES = 30;

export type GuardianCodeResult =
  | { status: "sent"; challengeId: string; expiresAt: Date }
  | { status: "rateLimited" }
  /** No law of the customer's asks a guardian's consent at their age: there is none to give. */
  | { status: "notMinor" }
  /** The child's own phone or email: it proves nothing about a guardian. */
  | { status: "ownContact" };

/**
 * The laws under which a guardian consents for this customer now, for something: under them they
 * are younger than an age at which only a parent or guardian's grant counts (PIPL under 14,
 * Beijing dates; GDPR under the organisation's Art. 8 age; CCPA under 13) — legal-bases' `minors`.
 */
export async function guardianLaws(
  tx: Tx,
  orgId: string,
  customerId: string,
): Promise<CustomerLaw[]> {
  const [row] = await tx
    .select({ status: customers.status })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
  if (!row || row.status === "erased") return [];
  const standing = await customerStanding(tx, orgId, customerId);
  return standing.laws.filter((law) =>
    guardianAgeUnder(law, standing.minorAges[law], standing.gdprChildAge),
  );
}

/** Whether any law of the customer's asks a guardian's consent at their age now (guardianLaws). */
export const guardianRequired = async (tx: Tx, orgId: string, customerId: string) =>
  (await guardianLaws(tx, orgId, customerId)).length > 0;

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
