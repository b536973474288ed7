import "server-only";
import { cookies, headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { useSecureCookies } from "@/lib/core/auth/session-policy";
import { clientIp } from "@/lib/core/auth/client-ip";
import { env } from "@/lib/core/env";
import { asAppLocale } from "@/lib/core/i18n/locale";
import { CODE_MINUTES, type ChallengePurpose } from "./challenge";
import {
  readPortalSession,
  SESSION_MINUTES,
  signPortalSession,
  type PortalPurpose,
  type PortalSession,
} from "./session";

// __Host-: Secure, path "/", no Domain — a sibling subdomain cannot plant or read them.
const prefix = useSecureCookies ? "__Host-" : "";
const sessionCookie = (purpose: PortalPurpose) => `${prefix}pd_portal_${purpose}`;
const challengeCookie = (purpose: ChallengePurpose) => `${prefix}pd_portal_${purpose}_challenge`;
const options = (minutes: number) => ({
  httpOnly: true,
  secure: useSecureCookies,
  sameSite: "lax" as const,
  path: "/",
  maxAge: minutes * 60,
});

/** The verified visitor of this organisation for this purpose, or null. */
export async function portalSession(
  orgId: string,
  purpose: PortalPurpose,
): Promise<PortalSession | null> {
  return readPortalSession((await cookies()).get(sessionCookie(purpose))?.value, orgId, purpose);
}

/** Server actions only: the signed session replaces the pending challenge. */
export async function startPortalSession(session: Omit<PortalSession, "exp">): Promise<void> {
  const jar = await cookies();
  jar.delete({ name: challengeCookie(session.purpose), path: "/", secure: useSecureCookies });
  jar.set(sessionCookie(session.purpose), signPortalSession(session), options(SESSION_MINUTES));
}

export async function endPortalSession(purpose: PortalPurpose): Promise<void> {
  const jar = await cookies();
  jar.delete({ name: sessionCookie(purpose), path: "/", secure: useSecureCookies });
  jar.delete({ name: challengeCookie(purpose), path: "/", secure: useSecureCookies });
  if (purpose === "preferences")
    jar.delete({ name: challengeCookie("guardian"), path: "/", secure: useSecureCookies });
}

/** The pending challenge's id travels in a cookie, never in a URL. */
export async function rememberChallenge(
  purpose: ChallengePurpose,
  challengeId: string,
): Promise<void> {
  (await cookies()).set(challengeCookie(purpose), challengeId, options(CODE_MINUTES));
}

export async function pendingChallenge(purpose: ChallengePurpose): Promise<string | null> {
  return (await cookies()).get(challengeCookie(purpose))?.value ?? null;
}

export async function forgetChallenge(purpose: ChallengePurpose): Promise<void> {
  (await cookies()).delete({ name: challengeCookie(purpose), path: "/", secure: useSecureCookies });
}

/** Who is asking and how, for rate limits and consent receipts (the IP is truncated before it is stored). */
export async function portalVisit() {
  const h = await headers();
  return {
    ip: clientIp(h, env().TRUSTED_PROXY_HOPS),
    userAgent: h.get("user-agent"),
    locale: asAppLocale(await getLocale()),
    /** Global Privacy Control: the browser asks not to sell or share. */
    gpc: h.get("sec-gpc")?.trim() === "1",
  };
}
