"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { withTenant } from "@/db/tenant";
import type { ActionState } from "@/lib/core/actions/state";
import { AppError } from "@/lib/core/errors";
import { translator } from "@/lib/core/i18n/translator";
import { triggerDelivery } from "@/lib/outbox/trigger";
import { codeRequestInput, verifyCode } from "@/lib/portal/challenge";
import { forgetChallenge, pendingChallenge, portalSession, portalVisit, rememberChallenge, startPortalSession } from "@/lib/portal/cookies";
import { requestGuardianCode } from "@/lib/portal/guardian";
import { changePreference } from "@/lib/portal/preferences";
import { notBefore } from "@/lib/portal/timing";
import { orgOf, portalPage, slugOf } from "../portal-org";

/*
 * The preference center's change is public (a customer has no console account), so it is not
 * defineAction: it finds the organisation from the page's slug and needs the signed "preferences"
 * portal session that only a verified one-time code starts (identity/actions.ts). A minor's
 * guardian proves their contact with the same kind of code, inside that session.
 * tests/authorization.test.ts lists it with this reason.
 */

const PURPOSE = "preferences";
/** A guardian's code request answers after the same time whatever happened, like the identity step's. */
const ANSWER_MS = 700;

const choiceInput = z.object({ purposeId: z.uuid(), choice: z.enum(["grant", "refuse"]) });

/** Step 3: one purpose, one click: agree, or refuse (withdraw a consent given, decline otherwise). */
export async function changePreferenceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await translator("portal.preferences.center");
  const parsed = choiceInput.safeParse({ purposeId: formData.get("purposeId"), choice: formData.get("choice") });
  if (!parsed.success) return { status: "error", message: t("failed") };
  try {
    const org = await orgOf(formData);
    const session = await portalSession(org.id, PURPOSE);
    if (!session) return { status: "error", message: t("sessionExpired") };
    const visit = await portalVisit();
    const input = { ...parsed.data, guardianChallengeId: session.guardianChallengeId };
    const receiptId = await withTenant(org.id, (tx) => changePreference(tx, org.id, session.customerId, input, visit));
    revalidatePath(portalPage(slugOf(formData), PURPOSE));
    return { status: "ok", message: t("saved", { id: receiptId }) };
  } catch (error) {
    if (error instanceof AppError && (error.messageKey === "guardianRequired" || error.messageKey === "guardianExpired")) {
      return { status: "error", message: (await translator("portal.guardian"))(error.messageKey) };
    }
    if (!(error instanceof AppError)) console.error("preference change failed", { name: (error as Error).name });
    return { status: "error", message: t("failed") };
  }
}

/** A minor's guardian, step 1: a code to the guardian's phone or email (PIPL Art. 31). */
export async function requestGuardianCodeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const startedAt = Date.now();
  const t = await translator("portal.guardian.request");
  const raw = { channel: formData.get("channel"), contact: formData.get("contact") };
  const values = { channel: String(raw.channel ?? "sms"), contact: String(raw.contact ?? "") };
  const parsed = codeRequestInput.safeParse(raw);
  if (!parsed.success) {
    const badContact = t(raw.channel === "email" ? "badEmail" : "badPhone");
    return { status: "error", message: badContact, fieldErrors: { contact: badContact }, values };
  }
  try {
    const org = await orgOf(formData);
    const session = await portalSession(org.id, PURPOSE);
    if (!session) return { status: "error", message: (await translator("portal.preferences.center"))("sessionExpired") };
    const visit = await portalVisit();
    const result = await withTenant(org.id, (tx) => requestGuardianCode(tx, org.id, { ...parsed.data, customerId: session.customerId, locale: visit.locale, ip: visit.ip }));
    if (result.status !== "sent") {
      await notBefore(startedAt, ANSWER_MS);
      const message = t(result.status);
      return { status: "error", message, ...(result.status === "ownContact" ? { fieldErrors: { contact: message } } : {}), values };
    }
    await rememberChallenge("guardian", result.challengeId);
    await triggerDelivery(org.id);
  } catch (error) {
    console.error("guardian code request failed", { name: (error as Error).name });
    return { status: "error", message: t("failed") };
  }
  await notBefore(startedAt, ANSWER_MS);
  redirect(portalPage(slugOf(formData), PURPOSE));
}

/** Step 2: the guardian's code. Verified, the session carries the guardian's challenge: choices made now are theirs. */
export async function verifyGuardianCodeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await translator("portal.guardian.verify");
  const code = String(formData.get("code") ?? "").replace(/\s/g, "");
  if (!/^\d{6}$/.test(code)) return { status: "error", message: t("badCode"), fieldErrors: { code: t("badCode") } };
  try {
    const org = await orgOf(formData);
    const session = await portalSession(org.id, PURPOSE);
    if (!session) return { status: "error", message: (await translator("portal.preferences.center"))("sessionExpired") };
    const challengeId = await pendingChallenge("guardian");
    if (!challengeId) return { status: "error", message: t("expired") };
    const result = await verifyCode(org.id, { challengeId, code, purpose: "guardian" });
    if (result.status === "wrong") return { status: "error", message: t("wrong", { left: result.attemptsLeft }), fieldErrors: { code: t("wrong", { left: result.attemptsLeft }) } };
    if (result.status === "expired" || result.customerId !== session.customerId) return { status: "error", message: t("expired") };
    await forgetChallenge("guardian");
    await startPortalSession({ orgId: org.id, customerId: session.customerId, purpose: PURPOSE, guardianChallengeId: challengeId });
  } catch (error) {
    console.error("guardian verification failed", { name: (error as Error).name });
    return { status: "error", message: t("failed") };
  }
  redirect(portalPage(slugOf(formData), PURPOSE));
}

/** Back to the guardian's step 1: another contact, or a new code. */
export async function restartGuardianAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  await forgetChallenge("guardian");
  redirect(portalPage(slugOf(formData), PURPOSE));
}
