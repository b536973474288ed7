import type { Actor } from "@/lib/core/auth/actor";
import { mfaRequiredRoles } from "@/lib/core/authz/permissions";

/**
 * A second factor is mandatory when ANY active membership needs it: the login is shared, so
 * turning it off as an employee here would leave the same person an unprotected admin elsewhere.
 */
export function twoFactorRequired(actor: Pick<Actor, "memberships">): boolean {
  return actor.memberships.some((m) => mfaRequiredRoles.includes(m.role));
}
