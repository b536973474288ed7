import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { portalChallenges, type MessageChannel } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { recordAudit, type AuditActor } from "@/lib/core/audit/record";
import { normaliseEmail, normalisePhone } from "@/lib/core/crypto/normalise";
import { allowHit, rateLimitKey } from "@/lib/core/rate-limit";
import { findCustomersBy } from "@/lib/customers/queries";
import { enqueueMessage } from "@/lib/outbox/enqueue";
import type { MessageLocale } from "@/lib/outbox/templates";
import { codeHash, codeMatches, CODE_PATTERN, newCode } from "./code";
import type { PortalPurpose } from "./session";

export const CODE_MINUTES = 10;
export const MAX_ATTEMPTS = 5;
/** Per contact: a few codes in 10 minutes (a lost SMS, a retry); per address: a family or an office. */
export const CONTACT_LIMIT = { hits: 3, windowSeconds: 600 };
export const IP_LIMIT = { hits: 20, windowSeconds: 3600 };

/** An anonymous portal visitor, for events where no customer is known. */
const VISITOR: AuditActor = { type: "system", id: "portal-visitor" };
const actorFor = (customerId: string | null): AuditActor => (customerId ? { type: "customer", id: customerId } : VISITOR);

const normalisers: Record<MessageChannel, (value: string) => string | null> = { sms: normalisePhone, email: normaliseEmail };

export const codeRequestInput = z
  .object({ channel: z.enum(["sms", "email"]), contact: z.string().trim().min(1).max(200) })
  .superRefine((input, ctx) => {
    if (normalisers[input.channel](input.contact) === null) {
      ctx.addIssue({ code: "custom", path: ["contact"], message: input.channel === "sms" ? "errors.format" : "errors.email" });
    }
  });
export type CodeRequestInput = z.infer<typeof codeRequestInput>;

export type CodeRequestResult = { status: "sent"; challengeId: string } | { status: "rateLimited" };

async function underLimits(tx: Tx, orgId: string, channel: MessageChannel, contact: string, ip: string) {
  const byContact = await allowHit(tx, rateLimitKey("portal-code-contact", `${orgId}\0${channel}\0${contact}`), CONTACT_LIMIT.hits, CONTACT_LIMIT.windowSeconds);
  const byIp = await allowHit(tx, rateLimitKey("portal-code-ip", ip), IP_LIMIT.hits, IP_LIMIT.windowSeconds);
  return byContact && byIp;
}

/**
 * A one-time code for whoever holds this phone or email. The contact is looked up by blind index;
 * whether it matched, the visitor gets the same answer (a challenge id that only a matched
 * customer's code can verify), and only a matched customer gets a message. Nothing about the
 * contact is stored but its rate-limit HMAC and, for a match, the sealed outbox message.
 */
export async function requestCode(
  orgId: string,
  input: CodeRequestInput & { purpose: PortalPurpose; locale: MessageLocale; ip: string },
): Promise<CodeRequestResult> {
  const contact = normalisers[input.channel](input.contact);
  if (contact === null) throw new RangeError("validate the contact with codeRequestInput first");
  return withTenant(orgId, async (tx) => {
    if (!(await underLimits(tx, orgId, input.channel, contact, input.ip))) return { status: "rateLimited" } as const;
    const [customer] = await findCustomersBy(tx, orgId, input.channel === "sms" ? { phone: contact } : { email: contact });
    const customerId = customer?.id ?? null;
    const challengeId = randomUUID();
    const code = newCode();
    await tx.insert(portalChallenges).values({
      orgId, id: challengeId, customerId, purpose: input.purpose, channel: input.channel,
      codeHash: codeHash(challengeId, code), expiresAt: new Date(Date.now() + CODE_MINUTES * 60_000),
    });
    if (customerId) {
      await enqueueMessage(tx, orgId, { customerId, channel: input.channel, template: "portal.code", locale: input.locale, params: { code } });
    }
    // `matched` is for staff, who may look any contact up anyway: a run of unmatched requests is
    // how an enumeration attempt shows. The visitor never sees it; no contact value is recorded.
    await recordAudit(tx, orgId, actorFor(customerId), {
      action: "portal.code_requested", targetType: "portal_challenge", targetId: challengeId,
      details: { channel: input.channel, purpose: input.purpose, matched: customerId !== null },
    });
    return { status: "sent", challengeId } as const;
  });
}

export type VerifyResult = { status: "verified"; customerId: string } | { status: "wrong"; attemptsLeft: number } | { status: "expired" };

/**
 * Checks a code against its challenge: single use, 10 minutes, 5 attempts, and never for a
 * challenge that matched nobody. Each attempt is counted and audited in the same transaction.
 */
export async function verifyCode(orgId: string, input: { challengeId: string; code: string; purpose: PortalPurpose }): Promise<VerifyResult> {
  if (!z.uuid().safeParse(input.challengeId).success) return { status: "expired" };
  return withTenant(orgId, async (tx) => {
    const [challenge] = await tx.select().from(portalChallenges)
      .where(and(eq(portalChallenges.orgId, orgId), eq(portalChallenges.id, input.challengeId), eq(portalChallenges.purpose, input.purpose)))
      .for("update");
    if (!challenge) return { status: "expired" } as const;
    const failed = async (reason: string, result: VerifyResult) => {
      await recordAudit(tx, orgId, actorFor(challenge.customerId), {
        action: "portal.verification_failed", targetType: "portal_challenge", targetId: challenge.id, details: { reason, attempts: challenge.attempts },
      });
      return result;
    };
    if (challenge.verifiedAt || challenge.expiresAt.getTime() <= Date.now() || challenge.attempts >= MAX_ATTEMPTS) {
      return failed(challenge.verifiedAt ? "used" : challenge.attempts >= MAX_ATTEMPTS ? "locked" : "expired", { status: "expired" });
    }
    const attempts = challenge.attempts + 1;
    await tx.update(portalChallenges).set({ attempts }).where(and(eq(portalChallenges.orgId, orgId), eq(portalChallenges.id, challenge.id)));
    challenge.attempts = attempts;
    const right = CODE_PATTERN.test(input.code) && codeMatches(challenge.id, input.code, challenge.codeHash);
    if (!right || !challenge.customerId) {
      return failed("wrong", attempts >= MAX_ATTEMPTS ? { status: "expired" } : { status: "wrong", attemptsLeft: MAX_ATTEMPTS - attempts });
    }
    await tx.update(portalChallenges).set({ verifiedAt: new Date() }).where(and(eq(portalChallenges.orgId, orgId), eq(portalChallenges.id, challenge.id)));
    await recordAudit(tx, orgId, actorFor(challenge.customerId), {
      action: "portal.verified", targetType: "portal_challenge", targetId: challenge.id, details: { channel: challenge.channel, purpose: challenge.purpose },
    });
    return { status: "verified", customerId: challenge.customerId } as const;
  });
}
