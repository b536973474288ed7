import "server-only";
import { forbidden, redirect } from "next/navigation";
import { isDatabaseUnavailable } from "@/db/tenant";
import { can, type Permission } from "@/lib/core/authz/permissions";
import { getActor, type Actor } from "./actor";

const pendingPages = {
  password_change: "/account/password",
  mfa_enrolment: "/account/two-factor",
} as const;

/**
 * The page guard: signed in, nothing pending (first-login password, mandatory 2FA), and the
 * permission held. Every console page calls it before reading data. While the database cannot
 * be reached it sends the person to /unavailable, which says so (and reads nothing from it).
 */
export async function requirePage(
  permission?: Permission,
  opts: { allowPending?: boolean } = {},
): Promise<Actor> {
  // The first thing every console page reads: while the database is down, a page that says so.
  const actor = await getActor().catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) redirect("/unavailable");
    throw error;
  });
  if (!actor) redirect("/sign-in");
  if (actor.pending && !opts.allowPending) redirect(pendingPages[actor.pending]);
  if (permission && !can(actor.role, permission)) forbidden();
  return actor;
}
