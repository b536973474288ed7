import "server-only";
import { env } from "@/lib/core/env";

/**
 * A link that carries a capability token (an invitation, a request's tracking page). The token is
 * in the fragment, which browsers never send: the page reads it and posts it, so it reaches no
 * server log. The origin is NEXTAUTH_URL, never a request's Host header (which a sender could
 * forge to point the link at their own site).
 */
export function capabilityLink(path: string, token: string): string {
  const url = new URL(path, env().NEXTAUTH_URL ?? "http://localhost:3000");
  url.hash = token;
  return url.toString();
}
