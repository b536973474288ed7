"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { triggerDelivery } from "@/lib/outbox/trigger";
import { codeInput, codeRequestInput, requestCode, verifyCode } from "@/lib/portal/challenge";
import {
  endPortalSession,
  forgetChallenge,
  pendingChallenge,
  rememberChallenge,
  startPortalSession,
} from "@/lib/portal/cookies";
import { definePortalAction } from "@/lib/portal/define-portal-action";
import { PORTAL_LIMITS } from "@/lib/portal/limits";
import { portalPurposes } from "@/lib/portal/session";
import { portalPage } from "../portal-org";

/*
 * How a customer proves who they are in the public portal (preference center, request portal),
 * through definePortalAction: there is no session yet, so anyone may call them. The form's
 * purpose names which portal session a verified code starts.
 */

/** Every code request answers after the same time, whether the contact matched or not. */
const ANSWER_MS = 700;

const purpose = z.object({ purpose: z.enum(portalPurposes).catch("preferences") });

/** Step 1: a code for a phone or email. The same answer, after the same time, whether anyone matched. */
export const requestCodeAction = definePortalAction({
  session: null,
  messages: "portal.identity.request",
  schema: codeRequestInput.and(purpose),
  invalid: (_error, raw, t) => {
    const badContact = t(raw.channel === "email" ? "badEmail" : "badPhone");
    return { message: badContact, fieldErrors: { contact: badContact } };
  },
  answerAfterMs: ANSWER_MS,
  run: (ctx, input) => requestCode(ctx, { ...input, locale: ctx.visit.locale, ip: ctx.visit.ip }),
  done: async (result, { org }, input, t) => {
    if (result.status === "rateLimited")
      return {
        status: "error",
        message: t("rateLimited"),
        values: { channel: input.channel, contact: input.contact },
      };
    await rememberChallenge(input.purpose, result.challengeId);
    // Triggered whether or not a message was written, so the two cases do the same work here too.
    await triggerDelivery(org.id);
    redirect(portalPage(org.slug, input.purpose));
  },
});

/** Step 2: the code from the message. Success starts a 30-minute portal session (a signed cookie). */
export const verifyCodeAction = definePortalAction({
  session: null,
  messages: "portal.identity.verify",
  schema: codeInput.and(purpose),
  invalid: (_error, _raw, t) => ({ message: t("badCode"), fieldErrors: { code: t("badCode") } }),
  throttle: PORTAL_LIMITS.verify,
  run: async (ctx, input) => {
    const challengeId = await pendingChallenge(input.purpose);
    return challengeId
      ? verifyCode(ctx, { challengeId, code: input.code, purpose: input.purpose })
      : ({ status: "expired" } as const);
  },
  done: async (result, { org }, input, t) => {
    if (result.status === "wrong")
      return {
        status: "error",
        message: t("wrong", { left: result.attemptsLeft }),
        fieldErrors: { code: t("wrong", { left: result.attemptsLeft }) },
      };
    if (result.status === "expired") return { status: "error", message: t("expired") };
    await startPortalSession({
      orgId: org.id,
      customerId: result.customerId,
      purpose: input.purpose,
    });
    redirect(portalPage(org.slug, input.purpose));
  },
});

/** Back to step 1: another number, or a new code. */
export const restartAction = definePortalAction({
  session: null,
  messages: "portal.identity.verify",
  schema: purpose,
  done: async (_result, { org }, input) => {
    await forgetChallenge(input.purpose);
    redirect(portalPage(org.slug, input.purpose));
  },
});

export const signOutAction = definePortalAction({
  session: null,
  messages: "portal.identity.verify",
  schema: purpose,
  done: async (_result, { org }, input) => {
    await endPortalSession(input.purpose);
    redirect(portalPage(org.slug, input.purpose));
  },
});
