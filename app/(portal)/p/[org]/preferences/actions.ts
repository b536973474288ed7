"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { translator } from "@/lib/core/i18n/translator";
import { triggerDelivery } from "@/lib/outbox/trigger";
import { codeInput, codeRequestInput, verifyCode } from "@/lib/portal/challenge";
import {
  forgetChallenge,
  pendingChallenge,
  rememberChallenge,
  startPortalSession,
} from "@/lib/portal/cookies";
import { definePortalAction } from "@/lib/portal/define-portal-action";
import { PORTAL_LIMITS } from "@/lib/portal/limits";
import { requestGuardianCode } from "@/lib/portal/guardian";
import { changePreference } from "@/lib/portal/preferences";
import { portalPage } from "../portal-org";

/*
 * The preference center's actions, through definePortalAction: each needs the signed
 * "preferences" portal session that only a verified one-time code starts (identity/actions.ts),
 * and records as that customer. A minor's guardian proves their contact with the same kind of
 * code, inside that session.
 */

const PURPOSE = "preferences";
/** A guardian's code request answers after the same time whatever happened, like the identity step's. */
const ANSWER_MS = 700;

const choiceInput = z.object({ purposeId: z.uuid(), choice: z.enum(["grant", "refuse"]) });

/** Step 3: one purpose, one click: agree, or refuse (withdraw a consent given, decline otherwise). */
export const changePreferenceAction = definePortalAction({
  session: PURPOSE,
  messages: "portal.preferences.center",
  schema: choiceInput,
  invalid: (_error, _raw, t) => ({ message: t("failed") }),
  throttle: PORTAL_LIMITS.choice,
  refused: async (error) =>
    error.messageKey === "guardianRequired" || error.messageKey === "guardianExpired"
      ? { message: (await translator("portal.guardian"))(error.messageKey) }
      : undefined,
  run: ({ tx, orgId, session, visit }, input) =>
    changePreference(
      tx,
      orgId,
      session.customerId,
      { ...input, guardianChallengeId: session.guardianChallengeId },
      visit,
    ),
  done: (receiptId, { org }, _input, t) => {
    revalidatePath(portalPage(org.slug, PURPOSE));
    return { status: "ok", message: t("saved", { id: receiptId }) };
  },
});

/** A minor's guardian, step 1: a code to the guardian's phone or email (PIPL Art. 31). */
export const requestGuardianCodeAction = definePortalAction({
  session: PURPOSE,
  messages: "portal.guardian.request",
  schema: codeRequestInput,
  invalid: (_error, raw, t) => {
    const badContact = t(raw.channel === "email" ? "badEmail" : "badPhone");
    return { message: badContact, fieldErrors: { contact: badContact } };
  },
  answerAfterMs: ANSWER_MS,
  run: ({ tx, orgId, session, visit }, input) =>
    requestGuardianCode(tx, orgId, {
      ...input,
      customerId: session.customerId,
      locale: visit.locale,
      ip: visit.ip,
    }),
  done: async (result, { org }, input, t) => {
    if (result.status !== "sent") {
      const message = t(result.status);
      return {
        status: "error",
        message,
        ...(result.status === "ownContact" ? { fieldErrors: { contact: message } } : {}),
        values: { channel: input.channel, contact: input.contact },
      };
    }
    await rememberChallenge("guardian", result.challengeId);
    await triggerDelivery(org.id);
    redirect(portalPage(org.slug, PURPOSE));
  },
});

/** Step 2: the guardian's code. Verified, the session carries the guardian's challenge: choices made now are theirs. */
export const verifyGuardianCodeAction = definePortalAction({
  session: PURPOSE,
  messages: "portal.guardian.verify",
  schema: codeInput,
  invalid: (_error, _raw, t) => ({ message: t("badCode"), fieldErrors: { code: t("badCode") } }),
  run: async (ctx, input) => {
    const challengeId = await pendingChallenge("guardian");
    if (!challengeId) return { status: "expired" } as const;
    const result = await verifyCode(ctx, { challengeId, code: input.code, purpose: "guardian" });
    return result.status === "verified" && result.customerId !== ctx.session.customerId
      ? ({ status: "expired" } as const)
      : { ...result, challengeId };
  },
  done: async (result, { org, session }, _input, t) => {
    if (result.status === "wrong")
      return {
        status: "error",
        message: t("wrong", { left: result.attemptsLeft }),
        fieldErrors: { code: t("wrong", { left: result.attemptsLeft }) },
      };
    if (result.status === "expired") return { status: "error", message: t("expired") };
    await forgetChallenge("guardian");
    await startPortalSession({
      orgId: org.id,
      customerId: session.customerId,
      purpose: PURPOSE,
      guardianChallengeId: result.challengeId,
    });
    redirect(portalPage(org.slug, PURPOSE));
  },
});

/** Back to the guardian's step 1: another contact, or a new code. */
export const restartGuardianAction = definePortalAction({
  session: null,
  messages: "portal.guardian.verify",
  schema: z.object({}),
  done: async (_result, { org }) => {
    await forgetChallenge("guardian");
    redirect(portalPage(org.slug, PURPOSE));
  },
});
