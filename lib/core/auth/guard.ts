import "server-only";
import { forbidden, redirect } from "next/navigation";
import { can, type Permission } from "@/lib/core/authz/permissions";
import { getActor, type Actor } from "./actor";

const pendingPages = { password_change: "/account/password", mfa_enrolment: "/account/two-factor" } as const;

/**
 * The page guard: signed in, nothing pending (first-login password, mandatory 2FA), and the
 * permission held. Every console page calls it before reading data.
 */
export async function requirePage(permission?: Permission, opts: { allowPending?: boolean } = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  if (actor.pending && !opts.allowPending) redirect(pendingPages[actor.pending]);
  if (permission && !can(actor.role, permission)) forbidden();
  return actor;
}
