import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { customers, portalChallenges } from "@/db/schema";
import { codeRequestInput, verifyChallenge } from "@/lib/portal/challenge";
import { GUARDIAN_MINUTES, requestGuardianCode } from "@/lib/portal/guardian";
import { guardianCodeRequest, guardianVerifyRequest } from "./consent-schemas";
import { defineEndpoint } from "./define-endpoint";
import { ApiProblem, problemAnswer } from "./problem";

// PIPL Art. 31: the platform records a minor's consent as their guardian's only after the guardian
// proved a phone or email with a one-time code, through the portal's own challenge (one way of
// issuing and checking codes). The contact is sealed under the child's data key, never logged.

/** POST /customers/{externalRef}/guardian-codes: a code to the guardian's contact. */
export const requestGuardianCodeEndpoint = defineEndpoint({
  scope: "consent:write",
  body: guardianCodeRequest,
  run: async ({ caller, tx, params, audit }, input) => {
    if (!codeRequestInput.safeParse(input).success) {
      throw new ApiProblem(
        "validation",
        "The contact is not a phone number or email address of that channel; nothing was sent.",
        [
          {
            index: -1,
            field: "contact",
            code: input.channel === "sms" ? "phoneFormat" : "email",
            message: "Not a valid contact for this channel.",
          },
        ],
      );
    }
    const [customer] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(
        and(
          eq(customers.orgId, caller.orgId),
          eq(customers.externalRef, params.externalRef ?? ""),
          sql`${customers.status} <> 'erased'`,
        ),
      );
    if (!customer)
      throw new ApiProblem(
        "notFound",
        "No customer with this externalRef (or the customer has been erased).",
      );
    const result = await requestGuardianCode(
      tx,
      caller.orgId,
      {
        channel: input.channel,
        contact: input.contact,
        customerId: customer.id,
        locale: input.locale ?? "zh-CN",
        ip: `api:${caller.keyId}`,
      },
      (_customerId, entry) => audit(entry),
    );
    if (result.status === "notMinor")
      throw new ApiProblem(
        "conflict",
        "This customer is not a PIPL customer under 14: no guardian's consent is needed.",
      );
    if (result.status === "ownContact")
      throw new ApiProblem(
        "conflict",
        "This is the customer's own contact on file; a guardian's code must go to the guardian.",
      );
    if (result.status === "rateLimited")
      throw new ApiProblem(
        "rateLimited",
        "Too many codes for this contact; try again in 10 minutes.",
        undefined,
        { "Retry-After": "600" },
      );
    return {
      status: 200,
      body: { challengeId: result.challengeId, expiresAt: result.expiresAt.toISOString() },
    };
  },
});

/**
 * POST /guardian-codes/{challengeId}/verify. A wrong code is answered with a problem the endpoint
 * returns rather than throws, so its counted attempt (5 at most) commits with its audit event.
 */
export const verifyGuardianCodeEndpoint = defineEndpoint({
  scope: "consent:write",
  body: guardianVerifyRequest,
  run: async ({ caller, tx, params, audit }, { code }) => {
    const challengeId = params.challengeId ?? "";
    const [known] = /^[0-9a-f-]{36}$/i.test(challengeId)
      ? await tx
          .select({ id: portalChallenges.id })
          .from(portalChallenges)
          .where(
            and(
              eq(portalChallenges.orgId, caller.orgId),
              eq(portalChallenges.id, challengeId),
              eq(portalChallenges.purpose, "guardian"),
            ),
          )
      : [];
    if (!known) throw new ApiProblem("notFound", "No guardian code with this challengeId.");
    const result = await verifyChallenge(
      tx,
      caller.orgId,
      { challengeId, code, purpose: "guardian" },
      (_customerId, entry) => audit(entry),
    );
    if (result.status === "wrong") {
      return problemAnswer("validation", "The code is not right; nothing was verified.", [
        {
          index: -1,
          field: "code",
          code: "wrong_code",
          message: `Wrong code; ${result.attemptsLeft} attempt(s) left.`,
        },
      ]);
    }
    if (result.status === "expired") {
      return problemAnswer(
        "validation",
        "The code has expired, was used already or has no attempts left; request a new one.",
        [{ index: -1, field: "code", code: "expired_code", message: "Request a new code." }],
      );
    }
    return {
      status: 200,
      body: {
        challengeId,
        validUntil: new Date(Date.now() + GUARDIAN_MINUTES * 60_000).toISOString(),
      },
    };
  },
});
