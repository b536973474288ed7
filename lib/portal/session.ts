import "server-only";
import { z } from "zod";
import { portalMac, sameMac } from "./secrets";

/** What a verified portal visitor may do; each gets its own session. */
export const portalPurposes = ["preferences", "requests"] as const;
export type PortalPurpose = (typeof portalPurposes)[number];

export const SESSION_MINUTES = 30;

export interface PortalSession {
  orgId: string;
  customerId: string;
  purpose: PortalPurpose;
  /** A minor's guardian verified on this session (PIPL Art. 31): their challenge, which their choices carry. */
  guardianChallengeId?: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const payload = z.object({
  o: z.uuid(),
  c: z.uuid(),
  p: z.enum(portalPurposes),
  g: z.uuid().optional(),
  e: z.number().int(),
});

/** `payload.mac`: ids and an expiry only, no personal data; the MAC key is derived from the master key. (JSON drops an absent `g`.) */
export function signPortalSession(session: Omit<PortalSession, "exp">, now = Date.now()): string {
  const body = Buffer.from(
    JSON.stringify({
      o: session.orgId,
      c: session.customerId,
      p: session.purpose,
      g: session.guardianChallengeId,
      e: Math.floor(now / 1000) + SESSION_MINUTES * 60,
    }),
  ).toString("base64url");
  return `${body}.${portalMac("portal-session", body)}`;
}

/** The session in a token when the MAC holds, it has not expired, and it is for this organisation and purpose. */
export function readPortalSession(
  token: string | undefined,
  orgId: string,
  purpose: PortalPurpose,
  now = Date.now(),
): PortalSession | null {
  if (!token) return null;
  const [body, mac, extra] = token.split(".");
  if (!body || !mac || extra !== undefined || !sameMac(portalMac("portal-session", body), mac))
    return null;
  let parsed;
  try {
    parsed = payload.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
  } catch {
    return null;
  }
  if (!parsed.success) return null;
  const { o, c, p, g, e } = parsed.data;
  if (o !== orgId || p !== purpose || e * 1000 <= now) return null;
  return { orgId: o, customerId: c, purpose: p, ...(g ? { guardianChallengeId: g } : {}), exp: e };
}
