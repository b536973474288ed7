import { env } from "@/lib/core/env";

/** The public page that checks a certificate's code: on the organisation's portal, no sign-in. */
export const verificationPath = (orgSlug: string, code: string) =>
  `/p/${encodeURIComponent(orgSlug)}/certificates?code=${encodeURIComponent(code)}`;

/** The same page as an absolute address for print; the origin is NEXTAUTH_URL, never a Host header. */
export const verificationUrl = (orgSlug: string, code: string) =>
  new URL(
    verificationPath(orgSlug, code),
    env().NEXTAUTH_URL ?? "http://localhost:3000",
  ).toString();
