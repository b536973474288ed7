/** Session lifetimes: idle 30 minutes, absolute 12 hours. */
export const IDLE_TIMEOUT_S = 30 * 60;
export const ABSOLUTE_TIMEOUT_S = 12 * 60 * 60;
/** Refresh the idle clock at most once a minute, so most requests re-issue no cookie. */
export const TOUCH_INTERVAL_S = 60;

export type SessionClock = { authTime: number; lastSeen: number };

export function sessionExpired(clock: SessionClock, nowS: number): boolean {
  return nowS - clock.lastSeen > IDLE_TIMEOUT_S || nowS - clock.authTime > ABSOLUTE_TIMEOUT_S;
}

export function needsTouch(clock: SessionClock, nowS: number): boolean {
  return nowS - clock.lastSeen >= TOUCH_INTERVAL_S;
}

/** Secure cookies when the app is served over HTTPS; next-auth and the proxy must agree on the name. */
export const useSecureCookies = process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
export const SESSION_COOKIE = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;
