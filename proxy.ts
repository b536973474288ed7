import { decode, encode } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import {
  ABSOLUTE_TIMEOUT_S,
  needsTouch,
  SESSION_COOKIE,
  sessionExpired,
  useSecureCookies,
} from "@/lib/core/auth/session-policy";
import { isSameOriginOrSafe } from "@/lib/core/http/same-origin";
import { securityHeaders } from "@/lib/core/http/security-headers";

const PUBLIC_PREFIXES = [
  "/sign-in",
  "/invitations/",
  "/api/auth",
  "/api/health",
  "/api/ready",
  "/p/",
  "/.well-known",
];

/**
 * Runs before every request: a per-request CSP nonce and the security headers, the session
 * idle clock (30 minutes) kept in the JWT, which next-auth v4 does not enforce by itself, and the
 * one check that every mutation (server action, route handler, sign-in) comes from our own pages.
 */
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({
    nonce,
    https: useSecureCookies,
    dev: process.env.NODE_ENV === "development",
  });
  if (!isSameOriginOrSafe(request.method, request.headers)) {
    return new NextResponse("Refused: a change must come from this site's own pages.", {
      status: 403,
      headers: {
        ...headers,
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
      },
    });
  }
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", headers["Content-Security-Policy"]);

  const raw = request.cookies.get(SESSION_COOKIE)?.value;
  const secret = process.env.NEXTAUTH_SECRET ?? "";
  const token = raw ? await decode({ token: raw, secret }).catch(() => null) : null;
  const now = Math.floor(Date.now() / 1000);
  const isPublic = PUBLIC_PREFIXES.some((p) => request.nextUrl.pathname.startsWith(p));

  let response: NextResponse;
  if (raw && (!token || sessionExpired(token, now))) {
    response = isPublic
      ? NextResponse.next({ request: { headers: forwarded } })
      : NextResponse.redirect(new URL("/sign-in?expired=1", request.url));
    response.cookies.delete({
      name: SESSION_COOKIE,
      path: "/",
      secure: useSecureCookies,
      httpOnly: true,
      sameSite: "lax",
    });
  } else {
    response = NextResponse.next({ request: { headers: forwarded } });
    if (token && needsTouch(token, now)) {
      const value = await encode({
        token: { ...token, lastSeen: now },
        secret,
        maxAge: ABSOLUTE_TIMEOUT_S,
      });
      response.cookies.set(SESSION_COOKIE, value, {
        httpOnly: true,
        sameSite: "lax",
        secure: useSecureCookies,
        path: "/",
        maxAge: ABSOLUTE_TIMEOUT_S,
      });
    }
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (!isPublic) response.headers.set("Cache-Control", "no-store");
  return response;
}

/**
 * /api/v1 is left out: it authenticates with API keys, not the session cookie
 * (lib/api/authenticate.ts), and its answers carry their own headers (apiResponse), so the
 * platform's high-volume calls skip a step that has nothing to do for them.
 */
export const config = {
  matcher: ["/((?!_next/|favicon.ico|icon.svg|api/v1/).*)"],
};
