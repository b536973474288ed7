"use server";

import { getLocale } from "next-intl/server";
import { AppError } from "@/lib/core/errors";
import { asAppLocale } from "@/lib/core/i18n/locale";
import { portalVisit } from "@/lib/portal/cookies";
import { organizationBySlug } from "@/lib/organizations/queries";
import { replyInput } from "@/lib/requests/requester/schemas";
import {
  allowTrackingLookup,
  replyAsRequester,
  trackingView,
  type TrackingView,
} from "@/lib/requests/requester/track";
import { log } from "@/lib/core/log/logger";

/*
 * The tracking page's actions are public: the tracking token (256 random bits, stored only hashed)
 * is the requester's capability. It arrives in the POST body only — the page reads it from the URL
 * fragment, which browsers never send — and every lookup is rate-limited per address. An unknown
 * token gets the same neutral answer as a malformed one. tests/authorization.test.ts lists them.
 */

export type TrackResult =
  | { status: "ok"; view: TrackingView }
  | { status: "notFound" }
  | { status: "rateLimited" }
  | { status: "failed" };

const localeNow = async () => asAppLocale(await getLocale());

async function lookup(slug: string, token: string): Promise<TrackResult> {
  const org = await organizationBySlug(String(slug));
  if (!org || typeof token !== "string") return { status: "notFound" };
  const view = await trackingView(org.id, token, await localeNow());
  return view ? { status: "ok", view } : { status: "notFound" };
}

/** The requester's view of their request for a token read from the URL fragment. */
export async function trackRequestAction(slug: string, token: string): Promise<TrackResult> {
  try {
    if (!(await allowTrackingLookup((await portalVisit()).ip))) return { status: "rateLimited" };
    return await lookup(slug, token);
  } catch (error) {
    log.error({ err: error }, "request tracking failed");
    return { status: "failed" };
  }
}

/** The requester's answer while the team waits for them; returns the refreshed view. */
export async function replyAction(
  slug: string,
  token: string,
  message: string,
): Promise<TrackResult & { replied?: boolean; invalid?: boolean }> {
  try {
    if (!(await allowTrackingLookup((await portalVisit()).ip))) return { status: "rateLimited" };
    const parsed = replyInput.safeParse({ token, message });
    if (!parsed.success) return { ...(await lookup(slug, String(token))), invalid: true };
    const org = await organizationBySlug(String(slug));
    if (!org) return { status: "notFound" };
    const replied = await replyAsRequester(org.id, parsed.data.token, parsed.data.message);
    return { ...(await lookup(slug, parsed.data.token)), replied };
  } catch (error) {
    if (!(error instanceof AppError)) log.error({ err: error }, "request reply failed");
    return { status: "failed" };
  }
}
