import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/core/env";
import { clientIp } from "./client-ip";
import { ABSOLUTE_TIMEOUT_S, useSecureCookies } from "./session-policy";
import { attemptSignIn } from "./sign-in";
import { recordSignOut } from "./sign-out";

/** next-auth: credentials (+ second factor) into a JWT cookie. Idle expiry is enforced in proxy.ts. */
export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    useSecureCookies,
    session: { strategy: "jwt", maxAge: ABSOLUTE_TIMEOUT_S },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        credentials: { email: {}, password: {}, code: {} },
        async authorize(credentials, req) {
          const result = await attemptSignIn({
            email: String(credentials?.email ?? "").slice(0, 320),
            password: String(credentials?.password ?? "").slice(0, 1024),
            code: credentials?.code ? String(credentials.code).slice(0, 32) : undefined,
            ip: clientIp(req.headers ?? {}, env().TRUSTED_PROXY_HOPS),
          });
          if (!result.ok) throw new Error(result.code);
          return { id: result.userId, sv: result.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const now = Math.floor(Date.now() / 1000);
          return { uid: user.id, sv: user.sv, authTime: now, lastSeen: now };
        }
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, uid: token.uid, sv: token.sv };
      },
    },
    events: {
      // next-auth catches and logs a failure here, so recording can never block signing out.
      async signOut({ token }) {
        if (token?.uid) await recordSignOut(token.uid, token.sv);
      },
    },
  };
}
