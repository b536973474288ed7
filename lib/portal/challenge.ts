import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { portalChallenges, type MessageChannel } from "@/db/schema";
import { recordAudit, type AuditActor, type AuditEntry } from "@/lib/core/audit/record";
import { normaliseEmail, normalisePhone } from "@/lib/core/crypto/normalise";
import { allowHit, rateLimitKey } from "@/lib/core/rate-limit";
import { dataKeyFor } from "@/lib/core/crypto/data-keys";
import { encryptField } from "@/lib/core/crypto/field";
import type { TenantContext } from "@/lib/core/tenancy/context";
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
export const PORTAL_VISITOR: AuditActor = { type: "system", id: "portal-visitor" };
const actorFor = (customerId: string | null): AuditActor =>
  customerId ? { type: "customer", id: customerId } : PORTAL_VISITOR;

/** The tenant transaction a portal command runs in. */
type InTenant = Pick<TenantContext, "tx" | "orgId">;

const normalisers: Record<MessageChannel, (value: string) => string | null> = {
  sms: normalisePhone,
  email: normaliseEmail,
};

export const codeRequestInput = z
  .object({ channel: z.enum(["sms", "email"]), contact: z.string().trim().min(1).max(200) })
  .superRefine((input, ctx) => {
    if (normalisers[input.channel](input.contact) === null) {
      ctx.addIssue({
        code: "custom",
        path: ["contact"],
        message: input.channel === "sms" ? "errors.format" : "errors.email",
      });
    }
  });
export type CodeRequestInput = z.infer<typeof codeRequestInput>;

/** A one-time code as typed: spaces dropped, six digits. */
export const codeInput = z.object({
  code: z
    .string()
    .transform((code) => code.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/)),
});

export type CodeRequestResult = { status: "sent"; challengeId: string } | { status: "rateLimited" };

export async function underLimits(
  tx: Tx,
  orgId: string,
  channel: MessageChannel,
  contact: string,
  ip: string,
) {
  const byContact = await allowHit(
    tx,
    rateLimitKey("portal-code-contact", `${orgId}\0${channel}\0${contact}`),
    CONTACT_LIMIT.hits,
    CONTACT_LIMIT.windowSeconds,
  );
  const byIp = await allowHit(
    tx,
    rateLimitKey("portal-code-ip", ip),
    IP_LIMIT.hits,
    IP_LIMIT.windowSeconds,
  );
  return byContact && byIp;
}

/** Writes a challenge's audit event; `customerId` is the challenge's customer (null: nobody matched). */
export type ChallengeAudit = (customerId: string | null, entry: AuditEntry) => Promise<unknown>;

/** In the portal the customer (or an anonymous visitor) acts; the API passes its key's `ctx.audit`. */
const portalAudit =
  (tx: Tx, orgId: string): ChallengeAudit =>
  (customerId, entry) =>
    recordAudit(tx, orgId, actorFor(customerId), entry);

/** What a challenge is for: a portal session, or a minor's guardian proving their contact (PIPL Art. 31). */
export type ChallengePurpose = PortalPurpose | "guardian";

interface Challenge {
  /** Who the code is about; null when the contact matched nobody (the code goes nowhere). */
  customerId: string | null;
  purpose: ChallengePurpose;
  channel: MessageChannel;
  locale: MessageLocale;
  /** A guardian's contact: the code goes there instead of the customer's own, and is kept sealed on the challenge. */
  guardianContact?: string;
}

/**
 * The one way a one-time code is issued: a challenge row holding the code's HMAC (and a guardian's
 * contact, sealed under the customer's data key), the code through the outbox in the same
 * transaction, and `portal.code_requested` (no contact value). Returns the challenge id.
 */
export async function issueChallenge(
  tx: Tx,
  orgId: string,
  c: Challenge,
  audit: ChallengeAudit = portalAudit(tx, orgId),
): Promise<{ challengeId: string; expiresAt: Date }> {
  const challengeId = randomUUID();
  const code = newCode();
  const expiresAt = new Date(Date.now() + CODE_MINUTES * 60_000);
  const contactEnc =
    c.customerId && c.guardianContact
      ? encryptField(await dataKeyFor(tx, orgId, c.customerId), c.guardianContact, {
          orgId,
          table: "portal_challenges",
          column: "contact_enc",
          rowId: challengeId,
        })
      : null;
  await tx.insert(portalChallenges).values({
    orgId,
    id: challengeId,
    customerId: c.customerId,
    purpose: c.purpose,
    channel: c.channel,
    codeHash: codeHash(challengeId, code),
    contactEnc,
    expiresAt,
  });
  if (c.customerId) {
    await enqueueMessage(tx, orgId, {
      customerId: c.customerId,
      channel: c.channel,
      template: c.guardianContact ? "portal.guardian_code" : "portal.code",
      locale: c.locale,
      params: { code },
      recipient: c.guardianContact,
    });
  }
  // `matched` is for staff, who may look any contact up anyway: a run of unmatched requests is
  // how an enumeration attempt shows. The visitor never sees it; no contact value is recorded.
  await audit(c.customerId, {
    action: "portal.code_requested",
    targetType: "portal_challenge",
    targetId: challengeId,
    details: { channel: c.channel, purpose: c.purpose, matched: c.customerId !== null },
  });
  return { challengeId, expiresAt };
}

/**
 * A one-time code for whoever holds this phone or email. The contact is looked up by blind index;
 * whether it matched, the visitor gets the same answer (a challenge id that only a matched
 * customer's code can verify), and only a matched customer gets a message. Nothing about the
 * contact is stored but its rate-limit HMAC and, for a match, the sealed outbox message.
 */
export async function requestCode(
  { tx, orgId }: InTenant,
  input: CodeRequestInput & { purpose: PortalPurpose; locale: MessageLocale; ip: string },
): Promise<CodeRequestResult> {
  const contact = normalisedContact(input);
  if (!(await underLimits(tx, orgId, input.channel, contact, input.ip)))
    return { status: "rateLimited" } as const;
  const [customer] = await findCustomersBy(
    tx,
    orgId,
    input.channel === "sms" ? { phone: contact } : { email: contact },
  );
  const { challengeId } = await issueChallenge(tx, orgId, {
    customerId: customer?.id ?? null,
    purpose: input.purpose,
    channel: input.channel,
    locale: input.locale,
  });
  return { status: "sent", challengeId } as const;
}

/** The contact in canonical form; the input must have passed `codeRequestInput`. */
export function normalisedContact(input: CodeRequestInput): string {
  const contact = normalisers[input.channel](input.contact);
  if (contact === null) throw new RangeError("validate the contact with codeRequestInput first");
  return contact;
}

export type VerifyResult =
  | { status: "verified"; customerId: string }
  | { status: "wrong"; attemptsLeft: number }
  | { status: "expired" };

/**
 * Checks a code against its challenge: single use, 10 minutes, 5 attempts, and never for a
 * challenge that matched nobody. Each attempt is counted and audited (as the challenge's customer)
 * in the caller's transaction, which must commit whatever the answer.
 */
export async function verifyCode(
  { tx, orgId }: InTenant,
  input: { challengeId: string; code: string; purpose: ChallengePurpose },
): Promise<VerifyResult> {
  return verifyChallenge(tx, orgId, input, portalAudit(tx, orgId));
}

/**
 * `verifyCode` in the caller's transaction, which must commit whatever the answer: a wrong
 * attempt is counted (and audited) only if it does.
 */
export async function verifyChallenge(
  tx: Tx,
  orgId: string,
  input: { challengeId: string; code: string; purpose: ChallengePurpose },
  audit: ChallengeAudit,
): Promise<VerifyResult> {
  if (!z.uuid().safeParse(input.challengeId).success) return { status: "expired" };
  const [challenge] = await tx
    .select()
    .from(portalChallenges)
    .where(
      and(
        eq(portalChallenges.orgId, orgId),
        eq(portalChallenges.id, input.challengeId),
        eq(portalChallenges.purpose, input.purpose),
      ),
    )
    .for("update");
  if (!challenge) return { status: "expired" } as const;
  const failed = async (reason: string, result: VerifyResult) => {
    await audit(challenge.customerId, {
      action: "portal.verification_failed",
      targetType: "portal_challenge",
      targetId: challenge.id,
      details: { reason, attempts: challenge.attempts },
    });
    return result;
  };
  if (
    challenge.verifiedAt ||
    challenge.expiresAt.getTime() <= Date.now() ||
    challenge.attempts >= MAX_ATTEMPTS
  ) {
    return failed(
      challenge.verifiedAt ? "used" : challenge.attempts >= MAX_ATTEMPTS ? "locked" : "expired",
      { status: "expired" },
    );
  }
  const attempts = challenge.attempts + 1;
  await tx
    .update(portalChallenges)
    .set({ attempts })
    .where(and(eq(portalChallenges.orgId, orgId), eq(portalChallenges.id, challenge.id)));
  challenge.attempts = attempts;
  const right =
    CODE_PATTERN.test(input.code) && codeMatches(challenge.id, input.code, challenge.codeHash);
  if (!right || !challenge.customerId) {
    return failed(
      "wrong",
      attempts >= MAX_ATTEMPTS
        ? { status: "expired" }
        : { status: "wrong", attemptsLeft: MAX_ATTEMPTS - attempts },
    );
  }
  await tx
    .update(portalChallenges)
    .set({ verifiedAt: new Date() })
    .where(and(eq(portalChallenges.orgId, orgId), eq(portalChallenges.id, challenge.id)));
  await audit(challenge.customerId, {
    action: "portal.verified",
    targetType: "portal_challenge",
    targetId: challenge.id,
    details: { channel: challenge.channel, purpose: challenge.purpose },
  });
  return { status: "verified", customerId: challenge.customerId } as const;
}
