"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/core/actions/state";
import { translator } from "@/lib/core/i18n/translator";
import { triggerDelivery } from "@/lib/outbox/trigger";
import { codeRequestInput, requestCode, verifyCode } from "@/lib/portal/challenge";
import { endPortalSession, forgetChallenge, pendingChallenge, portalVisit, rememberChallenge, startPortalSession } from "@/lib/portal/cookies";
import { portalPurposes, type PortalPurpose } from "@/lib/portal/session";
import { notBefore } from "@/lib/portal/timing";
import { orgOf, portalPage, slugOf } from "../portal-org";

/*
 * How a customer proves who they are in the public portal (preference center, request portal):
 * public actions, so not defineAction. Each finds the organisation from the page's slug; the
 * purpose names which portal session a verified code starts. tests/authorization.test.ts lists
 * them with these reasons.
 */

/** Every code request answers after the same time, whether the contact matched or not. */
const ANSWER_MS = 700;

function purposeOf(formData: FormData): PortalPurpose {
  const purpose = String(formData.get("purpose") ?? "");
  return (portalPurposes as readonly string[]).includes(purpose) ? (purpose as PortalPurpose) : "preferences";
}

/** Step 1: a code for a phone or email. The same answer, after the same time, whether anyone matched. */
export async function requestCodeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const startedAt = Date.now();
  const purpose = purposeOf(formData);
  const t = await translator("portal.identity.request");
  const raw = { channel: formData.get("channel"), contact: formData.get("contact") };
  const parsed = codeRequestInput.safeParse(raw);
  if (!parsed.success) {
    const badContact = t(raw.channel === "email" ? "badEmail" : "badPhone");
    return { status: "error", message: badContact, fieldErrors: { contact: badContact }, values: { channel: String(raw.channel ?? "sms"), contact: String(raw.contact ?? "") } };
  }
  try {
    const org = await orgOf(formData);
    const visit = await portalVisit();
    const result = await requestCode(org.id, { ...parsed.data, purpose, locale: visit.locale, ip: visit.ip });
    if (result.status === "rateLimited") {
      await notBefore(startedAt, ANSWER_MS);
      return { status: "error", message: t("rateLimited"), values: { channel: parsed.data.channel, contact: parsed.data.contact } };
    }
    await rememberChallenge(purpose, result.challengeId);
    // Sent whether or not a message was written, so the two cases do the same work here too.
    await triggerDelivery(org.id);
  } catch (error) {
    console.error("portal code request failed", { name: (error as Error).name });
    return { status: "error", message: t("failed") };
  }
  await notBefore(startedAt, ANSWER_MS);
  redirect(portalPage(slugOf(formData), purpose));
}

/** Step 2: the code from the message. Success starts a 30-minute portal session (a signed cookie). */
export async function verifyCodeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const purpose = purposeOf(formData);
  const t = await translator("portal.identity.verify");
  const code = String(formData.get("code") ?? "").replace(/\s/g, "");
  if (!/^\d{6}$/.test(code)) return { status: "error", message: t("badCode"), fieldErrors: { code: t("badCode") } };
  try {
    const org = await orgOf(formData);
    const challengeId = await pendingChallenge(purpose);
    if (!challengeId) return { status: "error", message: t("expired") };
    const result = await verifyCode(org.id, { challengeId, code, purpose });
    if (result.status === "wrong") return { status: "error", message: t("wrong", { left: result.attemptsLeft }), fieldErrors: { code: t("wrong", { left: result.attemptsLeft }) } };
    if (result.status === "expired") return { status: "error", message: t("expired") };
    await startPortalSession({ orgId: org.id, customerId: result.customerId, purpose });
  } catch (error) {
    console.error("portal verification failed", { name: (error as Error).name });
    return { status: "error", message: t("failed") };
  }
  redirect(portalPage(slugOf(formData), purpose));
}

/** Back to step 1: another number, or a new code. */
export async function restartAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const purpose = purposeOf(formData);
  await forgetChallenge(purpose);
  redirect(portalPage(slugOf(formData), purpose));
}

export async function signOutAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const purpose = purposeOf(formData);
  await endPortalSession(purpose);
  redirect(portalPage(slugOf(formData), purpose));
}
